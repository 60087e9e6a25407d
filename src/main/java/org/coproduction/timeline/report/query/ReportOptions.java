package org.coproduction.timeline.report.query;

import org.coproduction.timeline.report.api.Gripp2Form;

/**
 * How a report is printed, the same in every format: how much of its evidence ({@code appendix}) and
 * which GRIPP2 checklist ({@code gripp2}). The JSON report holds everything whichever is asked.
 */
public record ReportOptions(EvidenceAppendix appendix, Gripp2Form gripp2) {

    /** The evidence counted, the short form. */
    public static final ReportOptions DEFAULT = new ReportOptions(EvidenceAppendix.SUMMARY, Gripp2Form.SHORT);

    /** The {@code appendix} and {@code gripp2} parameters, each checked; absent ones take the default. */
    public static ReportOptions parse(String appendix, String gripp2) {
        return new ReportOptions(EvidenceAppendix.parse(appendix), Gripp2Form.parse(gripp2));
    }
}
