package org.coproduction.timeline.participation.api;

/**
 * How far a perspective was involved in a window (GRIPP2 items 4c/4d), lowest first; a window shows
 * the highest level that holds.
 */
public enum Involvement {
    /** No attendee with that primary perspective. */
    NONE,
    /** Present, but no influence from it on a decision made in the window. */
    CONSULTED,
    /** At least one influence from it on a decision made in the window. */
    COLLABORATED,
    /** At least one decision made in the window was decided only by members with that primary perspective. */
    LED
}
