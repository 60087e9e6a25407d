package org.coproduction.timeline.access;

import java.time.Instant;

/** A person who signs in. The password's hash never leaves {@link Accounts}. */
public record Account(String username, String displayName, String email, boolean siteAdmin, Instant createdAt) {}
