package org.coproduction.timeline.access.api;

import java.time.Instant;

/** An account's role in a project, and the member of the project it is there (absent when not linked). */
public record Grant(
        String projectId, String username, ProjectRole role, String memberId, Instant grantedAt, String grantedBy) {}
