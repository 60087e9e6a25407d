package org.coproduction.timeline.report.query;

import java.util.List;
import org.coproduction.timeline.report.api.LifecycleReport.Definition;

/** The methods appendix: each measure as docs/metrics.md defines it, and the time semantics. */
final class ReportMethods {

    static final List<Definition> DEFINITIONS = List.of(
            new Definition(
                    "Time",
                    "The report is for a pair (asOf, knownAt): it sees the events recorded by knownAt (recorded"
                            + " time) and, of those, the facts that occurred by asOf (valid time). A retraction"
                            + " recorded by knownAt removes its contribution or influence at every valid time."
                            + " Roles, perspectives and membership are those in force when the counted thing"
                            + " happened."),
            new Definition(
                    "Consent withdrawn",
                    "A member who withdrew consent is shown as \"Withdrawn member N\" (N: their place among the"
                            + " project's withdrawals) everywhere in the report, at every asOf and knownAt: their"
                            + " key was destroyed, so what they were called, said or wrote opens nowhere. What"
                            + " they did (turns, influences, attendance) is counted as before, unless they"
                            + " withdrew consent for everything: then, as the record stands from when that was"
                            + " recorded, they are in no figure and no list, at every asOf."),
            new Definition(
                    "Phases",
                    "A phase runs from its start (inclusive) to the next phase's start (exclusive); the last"
                            + " phase started by asOf is open. Before the first phase is a bucket of its own when"
                            + " something was counted before it."),
            new Definition(
                    "Attendees",
                    "Members listed as attendees of at least one meeting held in the phase; silent attendees"
                            + " count with zero contributions."),
            new Definition(
                    "Primary perspective",
                    "The first of a member's perspectives in force when the contribution or influence happened;"
                            + " shares by perspective use it, so they sum to 1."),
            new Definition(
                    "Contributions and share",
                    "Contributions in meetings of the phase; share = contributions / all contributions in the"
                            + " phase (0 when there are none)."),
            new Definition(
                    "Voice ratio",
                    "share / attendanceShare, attendanceShare being meetings attended / the sum over attendees"
                            + " of meetings attended: 1 means speaking in proportion to presence, below 1 quieter."
                            + " Undefined when nobody of the perspective attended."),
            new Definition(
                    "Gini",
                    "Population Gini coefficient of contributions over the attendees, sum|xi - xj| / (2 n^2"
                            + " mean); 0 when all are equal, counts [6, 4, 2, 0] give 0.4167."),
            new Definition(
                    "Perspective entropy",
                    "-sum p ln p / ln K over the contribution shares by primary perspective, K the number of"
                            + " distinct primary perspectives among the attendees; 0 when K <= 1, 1 when every"
                            + " perspective spoke equally."),
            new Definition(
                    "IPA areas",
                    "The share of contributions in each of Bales' four areas: positive reactions (categories"
                            + " 1-3), attempted answers (4-6), questions (7-9), negative reactions (10-12)."),
            new Definition(
                    "Influences and influence share",
                    "Recorded influences plus one \"Proposed\" per decision proposed (unless recorded explicitly),"
                            + " in the phase of their occurrence; influence share = influences / all influences in"
                            + " the phase."),
            new Definition(
                    "Decisions",
                    "Decisions made in the phase, by method; with service-user influence: those with at least"
                            + " one influence from a member whose primary perspective was service user then."),
            new Definition(
                    "Involvement",
                    "Per phase and primary perspective, the highest that holds: None (no attendee), Consulted"
                            + " (present), Collaborated (influenced a decision made in the phase), Led (a decision"
                            + " made in the phase was decided only by members of that perspective)."),
            new Definition(
                    "Shift and notable shifts",
                    "Shift: this phase minus the one before, a perspective absent on one side counting 0. A"
                            + " notable shift is a change of a perspective's contribution or influence share, of"
                            + " Gini or of perspective entropy of at least 0.05 either way; the report states"
                            + " each as a sentence."),
            new Definition(
                    "Reflection themes",
                    "For the reflections written in the phase, how many carry each code, the codes of a"
                            + " reflection being those of its latest coding as of asOf, each named as the team's"
                            + " codebook names it as of asOf. Only codes are counted; no reflection's text is"
                            + " shown."));

    private ReportMethods() {}
}
