package org.coproduction.timeline.influence.api;

/** Where a decision stood at the asked (asOf, knownAt). */
public enum DecisionStatus {
    NOT_YET_PROPOSED,
    PROPOSED,
    MADE,
    REVISED
}
