package org.coproduction.timeline.api;

public enum DecisionMethod {
    CONSENSUS,
    VOTE,
    LEAD_DECIDED,
    DELEGATED,
    SERVICE_USER_LED
}
