package org.coproduction.timeline.api;

/**
 * The 12 categories of Bales' Interaction Process Analysis, the default coding scheme for a
 * contribution, in Bales' order, each with the area it belongs to.
 */
public enum IpaCategory {
    SHOWS_SOLIDARITY(Area.POSITIVE_REACTIONS),
    SHOWS_TENSION_RELEASE(Area.POSITIVE_REACTIONS),
    AGREES(Area.POSITIVE_REACTIONS),
    GIVES_SUGGESTION(Area.ATTEMPTED_ANSWERS),
    GIVES_OPINION(Area.ATTEMPTED_ANSWERS),
    GIVES_ORIENTATION(Area.ATTEMPTED_ANSWERS),
    ASKS_FOR_ORIENTATION(Area.QUESTIONS),
    ASKS_FOR_OPINION(Area.QUESTIONS),
    ASKS_FOR_SUGGESTION(Area.QUESTIONS),
    DISAGREES(Area.NEGATIVE_REACTIONS),
    SHOWS_TENSION(Area.NEGATIVE_REACTIONS),
    SHOWS_ANTAGONISM(Area.NEGATIVE_REACTIONS);

    /** Bales' four areas: categories 1-3, 4-6, 7-9 and 10-12. */
    public enum Area {
        POSITIVE_REACTIONS,
        ATTEMPTED_ANSWERS,
        QUESTIONS,
        NEGATIVE_REACTIONS
    }

    private final Area area;

    IpaCategory(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }
}
