package org.coproduction.timeline.report.api;

/** Whether a GRIPP2 checklist item is answered, and by what. */
public enum Gripp2Status {
    /** The record answers it: figures and lists from the events. */
    FROM_THE_RECORD,
    /** The team wrote its answer in the application. */
    WRITTEN_BY_THE_TEAM,
    /** Both: the record's figures and the team's words. */
    FROM_THE_RECORD_AND_THE_TEAM,
    /** Nothing answers it yet: the team is to write it. */
    NOT_YET_ANSWERED
}
