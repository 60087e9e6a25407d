package org.coproduction.timeline.api;

import java.time.Instant;

/**
 * A fact about one project. Every stored event implements it: the project is the aggregate and
 * {@code occurredAt} is the valid time the fact refers to.
 */
public interface ProjectEvent {

    String projectId();

    Instant occurredAt();
}
