package org.coproduction.timeline.influence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionList;
import org.coproduction.timeline.influence.api.DecisionOverview;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.query.DecisionProvenance;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
import org.coproduction.timeline.platform.web.CsvTable;
import org.coproduction.timeline.platform.web.ReadsFrom;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who influenced a decision, as of a date and as the record stood at another. */
@RestController
@Tag(name = "Influence")
class InfluenceController {

    /** The media type of PROV-JSON; plain JSON is served too, and is the default. */
    static final String PROV_JSON = "application/prov+json";

    private final InfluenceReadModel influence;
    private final DecisionProvenance provenance;
    private final TimeTravel time;

    InfluenceController(InfluenceReadModel influence, DecisionProvenance provenance, TimeTravel time) {
        this.influence = influence;
        this.provenance = provenance;
        this.time = time;
    }

    @GetMapping("/api/projects/{projectId}/decisions/{decisionId}/influencers")
    @ReadsFrom(InfluenceReadModel.READ_MODEL)
    @Operation(
            summary = "Who influenced a decision as of a date",
            description = "The proposer counts as an influencer of kind PROPOSED from the proposal's occurredAt;"
                    + " deciders are listed in decidedBy and are influencers only through recorded influences."
                    + " Each influencer's role and perspectives are those in force at their latest counted"
                    + " influence. A retraction known at knownAt removes its influence at every valid time."
                    + " discussedBy lists who spoke to the decision in meetings: talking is not influencing.")
    DecisionInfluencers influencers(
            @PathVariable String projectId,
            @PathVariable String decisionId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return influence.influencers(projectId, decisionId, time.at(asOf, knownAt));
    }

    @GetMapping(
            path = "/api/projects/{projectId}/decisions/{decisionId}/provenance",
            produces = {MediaType.APPLICATION_JSON_VALUE, PROV_JSON})
    @Operation(
            summary = "The provenance of a decision as W3C PROV-JSON",
            description = "A PROV-JSON document (https://www.w3.org/submission/prov-json/) with one bundle,"
                    + " described at the top level with ct:asOf and ct:knownAt. In it: the decision (entity),"
                    + " the activity that made it once it is made (with wasGeneratedBy and wasAssociatedWith"
                    + " each decider), the members (agents), one wasInfluencedBy per evidence item of the"
                    + " influencers answer (the proposal included), and for an influence citing a"
                    + " contribution or reflection a wasDerivedFrom and that item as an entity attributed to"
                    + " its author: ids, kinds, visibility and times only, never a reflection's text. 404"
                    + " for a decision the store never held.")
    Map<String, Object> provenance(
            @PathVariable String projectId,
            @PathVariable String decisionId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return provenance.document(projectId, decisionId, time.at(asOf, knownAt));
    }

    @GetMapping("/api/projects/{projectId}/decisions")
    @ReadsFrom(InfluenceReadModel.READ_MODEL)
    @Operation(
            summary = "The decisions proposed by a date, with status and influencer count",
            description =
                    "Counts follow docs/metrics.md: recorded influences plus the proposer's implied PROPOSED one.")
    DecisionList decisions(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return influence.decisions(projectId, time.at(asOf, knownAt));
    }

    @GetMapping("/api/projects/{projectId}/influence")
    @ReadsFrom(InfluenceReadModel.READ_MODEL)
    @Operation(
            summary = "Influences across all decisions, by member and by perspective",
            description = "Influences of a member are their recorded influences plus one of kind PROPOSED per"
                    + " decision they proposed (unless they recorded an explicit PROPOSED influence on it)."
                    + " Perspective is the member's primary perspective (the first) at the influence's"
                    + " occurredAt; share is influences over all influences counted. With phaseId, only"
                    + " influences that occurred in that phase (or before-first-phase).")
    InfluenceSummary summary(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt,
            @Parameter(description = "only influences that occurred in this phase") @RequestParam(required = false)
                    String phaseId) {
        return influence.summary(projectId, time.at(asOf, knownAt), phaseId);
    }

    @GetMapping(path = "/api/projects/{projectId}/decisions/{decisionId}/influencers", produces = "text/csv")
    @ReadsFrom(InfluenceReadModel.READ_MODEL)
    @Operation(
            summary = "The same, as CSV: one row per influencer and piece of evidence",
            description = "Accept: text/csv or ?format=csv.")
    CsvTable influencersCsv(
            @PathVariable String projectId,
            @PathVariable String decisionId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        DecisionInfluencers answer = influencers(projectId, decisionId, asOf, knownAt);
        CsvTable table = CsvTable.of(
                projectId + "-" + decisionId + "-influencers.csv",
                "decisionId",
                "title",
                "status",
                "memberId",
                "name",
                "role",
                "perspectives",
                "kind",
                "occurredAt",
                "recordedAt",
                "influenceId",
                "contributionId",
                "reflectionId",
                "summary",
                "eventId");
        for (DecisionInfluencers.Influencer who : answer.influencers()) {
            for (DecisionInfluencers.Evidence e : who.evidence()) {
                table.row(
                        answer.decisionId(),
                        answer.title(),
                        answer.status(),
                        who.memberId(),
                        who.name(),
                        who.role(),
                        String.join(" ", who.perspectives()),
                        e.kind(),
                        e.occurredAt(),
                        e.recordedAt(),
                        e.influenceId(),
                        e.contributionId(),
                        e.reflectionId(),
                        e.summary(),
                        e.eventId());
            }
        }
        return table;
    }

    @GetMapping(path = "/api/projects/{projectId}/decisions", produces = "text/csv")
    @ReadsFrom(InfluenceReadModel.READ_MODEL)
    @Operation(summary = "The same, as CSV: one row per decision", description = "Accept: text/csv or ?format=csv.")
    CsvTable decisionsCsv(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        CsvTable table = CsvTable.of(
                projectId + "-decisions.csv",
                "decisionId",
                "title",
                "status",
                "proposedBy",
                "proposedAt",
                "madeAt",
                "outcome",
                "method",
                "influencers",
                "influences");
        for (DecisionOverview d : decisions(projectId, asOf, knownAt).decisions()) {
            table.row(
                    d.decisionId(),
                    d.title(),
                    d.status(),
                    d.proposedBy(),
                    d.proposedAt(),
                    d.madeAt(),
                    d.outcome(),
                    d.method(),
                    d.influencers(),
                    d.influences());
        }
        return table;
    }

    @GetMapping(path = "/api/projects/{projectId}/influence", produces = "text/csv")
    @ReadsFrom(InfluenceReadModel.READ_MODEL)
    @Operation(
            summary = "The same, as CSV: one row per member, then one per perspective",
            description = "Accept: text/csv or ?format=csv. by is member or perspective; one column per kind.")
    CsvTable summaryCsv(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt,
            @Parameter(description = "only influences that occurred in this phase") @RequestParam(required = false)
                    String phaseId) {
        InfluenceSummary answer = summary(projectId, asOf, knownAt, phaseId);
        List<String> headers =
                new ArrayList<>(List.of("by", "memberId", "name", "perspective", "influences", "share", "decisions"));
        for (InfluenceKind kind : InfluenceKind.values()) {
            headers.add(kind.name());
        }
        CsvTable table = CsvTable.of(
                projectId + "-influence" + (phaseId == null ? "" : "-" + phaseId) + ".csv",
                headers.toArray(String[]::new));
        for (InfluenceSummary.MemberInfluence m : answer.members()) {
            table.row(withKinds(
                    m.kinds(),
                    "member",
                    m.memberId(),
                    m.name(),
                    m.primaryPerspective(),
                    m.influences(),
                    m.share(),
                    m.decisions()));
        }
        for (InfluenceSummary.PerspectiveInfluence p : answer.perspectives()) {
            table.row(withKinds(
                    p.kinds(), "perspective", null, null, p.perspective(), p.influences(), p.share(), p.decisions()));
        }
        return table;
    }

    private static Object[] withKinds(Map<InfluenceKind, Integer> kinds, Object... cells) {
        List<Object> row = new ArrayList<>(Arrays.asList(cells));
        for (InfluenceKind kind : InfluenceKind.values()) {
            row.add(kinds.getOrDefault(kind, 0));
        }
        return row.toArray();
    }
}
