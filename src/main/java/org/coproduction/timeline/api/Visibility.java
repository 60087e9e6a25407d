package org.coproduction.timeline.api;

/** A private reflection's text is readable by its author only; counts and themes may be shown. */
public enum Visibility {
    PRIVATE,
    TEAM
}
