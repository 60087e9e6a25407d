package org.coproduction.timeline.report.query;

import java.util.EnumMap;
import java.util.Map;
import org.coproduction.timeline.api.Gripp2Topic;

/** Each GRIPP2 answer's heading in the report, one per topic. */
final class Gripp2Headings {

    private static final Map<Gripp2Topic, String> HEADINGS = new EnumMap<>(Map.ofEntries(
            Map.entry(Gripp2Topic.AIM, "Aim"),
            Map.entry(Gripp2Topic.DEFINITION, "Definition of involvement"),
            Map.entry(Gripp2Topic.THEORY, "Theoretical underpinnings"),
            Map.entry(Gripp2Topic.CONCEPTS, "Concepts and theory development"),
            Map.entry(Gripp2Topic.METHODS, "Methods"),
            Map.entry(Gripp2Topic.PEOPLE, "People involved"),
            Map.entry(Gripp2Topic.STAGES, "Stages of involvement"),
            Map.entry(Gripp2Topic.LEVEL, "Level or nature of involvement"),
            Map.entry(Gripp2Topic.QUALITATIVE, "Qualitative evidence of impact"),
            Map.entry(Gripp2Topic.IMPACT, "How impact was captured"),
            Map.entry(Gripp2Topic.ROBUSTNESS, "Robustness of measure"),
            Map.entry(Gripp2Topic.ECONOMIC, "Economic assessment"),
            Map.entry(Gripp2Topic.RESULTS, "Results"),
            Map.entry(Gripp2Topic.OUTCOMES, "Outcomes"),
            Map.entry(Gripp2Topic.REFLECTIONS, "Reflections/critical perspective"),
            Map.entry(Gripp2Topic.CONCLUSIONS, "Conclusions"),
            Map.entry(Gripp2Topic.KEYWORDS, "Keywords")));

    private Gripp2Headings() {}

    /** The heading the report gives the answer to a topic. */
    static String of(Gripp2Topic topic) {
        return HEADINGS.get(topic);
    }
}
