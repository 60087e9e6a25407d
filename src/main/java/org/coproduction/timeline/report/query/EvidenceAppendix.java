package org.coproduction.timeline.report.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.report.api.Gripp2Form;
import org.coproduction.timeline.report.api.LifecycleReport;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Item;
import org.coproduction.timeline.report.api.LifecycleReport.Gripp2Table;
import org.coproduction.timeline.report.api.LifecycleReport.PhaseSection;
import org.coproduction.timeline.report.api.LifecycleReport.ReportDecision;

/**
 * The evidence behind the report, for those who audit it, kept out of the text a person reads: the
 * ids of the events behind each decision of each phase and each GRIPP2 item. {@code NONE} leaves the
 * appendix out, {@code SUMMARY} (the default) counts the events behind each phase's decisions and
 * each GRIPP2 item, {@code FULL} lists the ids behind each decision and each item. The JSON holds
 * them all whichever is asked.
 */
public enum EvidenceAppendix {
    NONE,
    SUMMARY,
    FULL;

    /** One part of the report and the events behind it. */
    public record Part(String part, List<String> eventIds) {}

    /** The {@code appendix} parameter: none, summary (when absent) or full; anything else is refused. */
    public static EvidenceAppendix parse(String value) {
        if (value == null || value.isBlank()) {
            return SUMMARY;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "summary" -> SUMMARY;
            case "full" -> FULL;
            default -> throw new InvalidFieldException("appendix", "must be none, summary or full");
        };
    }

    /**
     * Every part with events behind it, in the report's order: the phases' decisions (each decision
     * when {@code FULL}, each phase's together for {@code SUMMARY}), then the answers of the GRIPP2
     * form printed.
     */
    List<Part> parts(LifecycleReport report, Gripp2Form form) {
        List<Part> parts = new ArrayList<>();
        for (PhaseSection phase : report.phases()) {
            Set<String> phaseIds = new LinkedHashSet<>();
            for (ReportDecision decision : phase.decisions()) {
                phaseIds.addAll(decision.eventIds());
                if (this == FULL && !decision.eventIds().isEmpty()) {
                    parts.add(new Part(
                            phase.participation().name() + ": "
                                    + (decision.title() == null ? decision.decisionId() : decision.title()),
                            decision.eventIds()));
                }
            }
            if (this != FULL && !phaseIds.isEmpty()) {
                int decisions = phase.decisions().size();
                parts.add(new Part(
                        phase.participation().name() + ": " + decisions + (decisions == 1 ? " decision" : " decisions"),
                        List.copyOf(phaseIds)));
            }
        }
        for (Gripp2Item item : report.gripp2().answers(form)) {
            Set<String> ids = new LinkedHashSet<>(item.eventIds());
            for (Gripp2Table table : java.util.Arrays.asList(item.table(), item.evidence())) {
                if (table != null) {
                    table.eventIds().forEach(ids::addAll);
                }
            }
            if (!ids.isEmpty()) {
                parts.add(new Part("GRIPP2: " + item.item(), List.copyOf(ids)));
            }
        }
        return parts;
    }

    /** The GRIPP2 answers' tables of evidence (each decision made with its outcome), which the full appendix prints. */
    static List<Gripp2Table> evidenceTables(LifecycleReport report, Gripp2Form form) {
        return report.gripp2().answers(form).stream()
                .map(Gripp2Item::evidence)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** What the appendix says above its table. */
    String introduction() {
        return this == FULL
                ? "Every figure and statement above comes from the project's events. These are the ids of the"
                        + " events behind each decision and each GRIPP2 item, for those who audit the report;"
                        + " the JSON report holds the same."
                : "Every figure and statement above comes from the project's events. This counts the events"
                        + " behind each phase's decisions and each GRIPP2 answer; the report with the full appendix"
                        + " lists them decision by decision, with their ids and each decision's outcome, and the"
                        + " JSON report holds them all.";
    }
}
