package org.coproduction.timeline.decision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.api.DecisionCommand.MakeDecision;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionCommand.RecordInfluence;
import org.coproduction.timeline.api.DecisionCommand.RetractInfluence;
import org.coproduction.timeline.api.DecisionCommand.ReviseDecision;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records a decision's life: proposal, influences, outcome and revisions. */
@RestController
@RequestMapping("/api/projects/{projectId}/decisions")
@Tag(name = "Decisions")
class DecisionController {

    private final CommandGateway commands;
    private final RequestDefaults defaults;

    DecisionController(CommandGateway commands, RequestDefaults defaults) {
        this.commands = commands;
        this.defaults = defaults;
    }

    record ProposeRequest(String decisionId, String occurredAt, String title, String proposedBy) {}

    record InfluenceRequest(
            String influenceId,
            String occurredAt,
            String memberId,
            InfluenceKind kind,
            String contributionId,
            String reflectionId,
            String note) {}

    record RetractionRequest(String occurredAt, String reason) {}

    record OutcomeRequest(String occurredAt, String outcome, DecisionMethod method, List<String> decidedBy) {}

    record RevisionRequest(String occurredAt, String outcome, String reason) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a decision (DecisionProposed)")
    RecordedResponse propose(@PathVariable String projectId, @RequestBody ProposeRequest r) {
        String decisionId = defaults.idOr(r.decisionId(), "decision");
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new ProposeDecision(projectId, at, decisionId, r.title(), r.proposedBy())));
        return new RecordedResponse(projectId, decisionId);
    }

    @PostMapping("/{decisionId}/influences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record who influenced the decision and how (InfluenceRecorded)")
    RecordedResponse influence(
            @PathVariable String projectId, @PathVariable String decisionId, @RequestBody InfluenceRequest r) {
        String influenceId = defaults.idOr(r.influenceId(), "influence");
        commands.sendAndWait(defaults.command(
                r.occurredAt(),
                at -> new RecordInfluence(
                        projectId,
                        at,
                        decisionId,
                        influenceId,
                        r.memberId(),
                        r.kind(),
                        r.contributionId(),
                        r.reflectionId(),
                        r.note())));
        return new RecordedResponse(projectId, influenceId);
    }

    @PostMapping("/{decisionId}/influences/{influenceId}/retraction")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct the record: the influence was never so (InfluenceRetracted)")
    RecordedResponse retract(
            @PathVariable String projectId,
            @PathVariable String decisionId,
            @PathVariable String influenceId,
            @RequestBody RetractionRequest r) {
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new RetractInfluence(projectId, at, decisionId, influenceId, r.reason())));
        return new RecordedResponse(projectId, influenceId);
    }

    @PostMapping("/{decisionId}/outcome")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make the decision, once (DecisionMade)")
    RecordedResponse make(
            @PathVariable String projectId, @PathVariable String decisionId, @RequestBody OutcomeRequest r) {
        commands.sendAndWait(defaults.command(
                r.occurredAt(),
                at -> new MakeDecision(projectId, at, decisionId, r.outcome(), r.method(), r.decidedBy())));
        return new RecordedResponse(projectId, decisionId);
    }

    @PostMapping("/{decisionId}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Revise a made decision (DecisionRevised)")
    RecordedResponse revise(
            @PathVariable String projectId, @PathVariable String decisionId, @RequestBody RevisionRequest r) {
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new ReviseDecision(projectId, at, decisionId, r.outcome(), r.reason())));
        return new RecordedResponse(projectId, decisionId);
    }
}
