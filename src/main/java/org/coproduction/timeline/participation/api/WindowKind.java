package org.coproduction.timeline.participation.api;

/** How a project's life is cut into windows: by phase, by calendar month or quarter (UTC), or whole. */
public enum WindowKind {
    PHASE,
    MONTH,
    QUARTER,
    PROJECT
}
