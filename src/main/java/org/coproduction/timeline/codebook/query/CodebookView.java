package org.coproduction.timeline.codebook.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The codebook as of {@code asOf}, as the record stood at {@code knownAt}: the team's codes in tree
 * order (each parent before its children, siblings by name), then Bales' IPA categories, the
 * built-in read-only group meeting turns are coded with.
 */
public record CodebookView(String projectId, Instant asOf, Instant knownAt, List<Code> codes, List<IpaCode> ipa) {

    public CodebookView {
        codes = List.copyOf(codes);
        ipa = List.copyOf(ipa);
    }

    /** Where a code stands. */
    public enum Status {
        /** Defined by the team (CodeDefined). */
        DEFINED,
        /** Given in codings and never defined: a code of the codebook by use, named by its key. */
        FROM_USE,
        /** Merged into another code: its codings count there. */
        MERGED,
        /** Retired: its codings count, no new coding gives it. */
        RETIRED
    }

    /**
     * One code.
     *
     * @param code its key, as codings give it
     * @param name its display name (the key when none was given)
     * @param parent the key of the code it sits under (through merges), null at the top
     * @param depth how deep it sits: 0 at the top
     * @param mergedInto the code it was merged into, null unless merged
     * @param definedAt when it was defined, null for a code from use
     * @param changedAt when it last changed (defined, revised, merged, retired), null for a code from use
     * @param given how many reflections and interviews give this very key in their coding in force
     * @param usage the reflections and interviews counted under it: its own and those of codes merged into it
     * @param eventIds the events that defined and changed it
     */
    public record Code(
            String code,
            String name,
            String description,
            String parent,
            int depth,
            Status status,
            String mergedInto,
            Instant definedAt,
            Instant changedAt,
            int given,
            Usage usage,
            List<String> eventIds) {

        public Code {
            eventIds = List.copyOf(eventIds);
        }
    }

    /**
     * The reflections and interviews counted under a code, in all, by the primary perspective their
     * author or interviewee held then, and by the phase they occurred in (by name, in the phases'
     * order).
     */
    public record Usage(
            int reflections, int interviews, Map<String, Integer> byPerspective, Map<String, Integer> byPhase) {

        public Usage {
            byPerspective = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byPerspective));
            byPhase = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byPhase));
        }

        public int total() {
            return reflections + interviews;
        }
    }

    /** One of Bales' IPA categories: its key, its name, its area, and the meeting turns coded with it. */
    public record IpaCode(String code, String name, int number, String area, int contributions) {}
}
