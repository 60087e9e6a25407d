package org.coproduction.timeline.interchange;

import java.util.List;

/**
 * What an accepted import did: lines appended, lines whose event the store already held, and the
 * projects it registered (the store held none of their events before).
 */
public record ImportResult(long imported, long alreadyPresent, List<String> newProjects) {}
