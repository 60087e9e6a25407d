package org.coproduction.timeline.api;

import java.util.Locale;

/**
 * What a GRIPP2 reporting item asks about, as the team writes it: each topic answers one or more
 * items of the short and long forms (the report's checklists say which, docs/reports.md). The
 * report names an answer by the topic in lower case ({@code aim}, {@code reflections}).
 */
public enum Gripp2Topic {
    AIM,
    DEFINITION,
    THEORY,
    CONCEPTS,
    METHODS,
    PEOPLE,
    STAGES,
    LEVEL,
    QUALITATIVE,
    IMPACT,
    ROBUSTNESS,
    ECONOMIC,
    RESULTS,
    OUTCOMES,
    REFLECTIONS,
    CONCLUSIONS,
    KEYWORDS;

    /** The report's key of the answer to this topic. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
