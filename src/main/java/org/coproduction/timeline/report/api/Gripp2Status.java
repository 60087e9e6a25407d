package org.coproduction.timeline.report.api;

/** Whether a GRIPP2 checklist item is answered, and by what. */
public enum Gripp2Status {
    /** The record answers it: figures and lists from the events. */
    FROM_THE_RECORD,
    /** Nothing answers it yet: the team is to write it. */
    NOT_YET_ANSWERED
}
