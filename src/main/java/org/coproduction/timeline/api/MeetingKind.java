package org.coproduction.timeline.api;

public enum MeetingKind {
    TEAM,
    STEERING,
    ADVISORY,
    ANALYSIS_WORKSHOP,
    OTHER
}
