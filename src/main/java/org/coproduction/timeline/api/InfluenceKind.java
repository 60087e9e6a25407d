package org.coproduction.timeline.api;

public enum InfluenceKind {
    PROPOSED,
    SUPPORTED,
    OPPOSED,
    AMENDED,
    EVIDENCED,
    LIVED_EXPERIENCE
}
