package org.coproduction.timeline.decision.api;

public enum InfluenceKind {
    PROPOSED,
    SUPPORTED,
    OPPOSED,
    AMENDED,
    EVIDENCED,
    LIVED_EXPERIENCE
}
