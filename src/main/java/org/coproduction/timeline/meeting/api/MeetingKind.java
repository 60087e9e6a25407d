package org.coproduction.timeline.meeting.api;

public enum MeetingKind {
    TEAM,
    STEERING,
    ADVISORY,
    ANALYSIS_WORKSHOP,
    OTHER
}
