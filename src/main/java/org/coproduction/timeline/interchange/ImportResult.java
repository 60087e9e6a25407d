package org.coproduction.timeline.interchange;

/** What an accepted import did: lines appended, and lines whose event the store already held. */
public record ImportResult(long imported, long alreadyPresent) {}
