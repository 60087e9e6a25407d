package org.coproduction.timeline.reflection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.coproduction.timeline.reflection.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.reflection.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.reflection.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.reflection.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.reflection.api.Visibility;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records diary reflections, their themes, interviews, and withdrawals of consent. */
@RestController
@RequestMapping("/api/projects/{projectId}")
@Tag(name = "Reflections and interviews")
class JournalController {

    private final CommandGateway commands;
    private final RequestDefaults defaults;

    JournalController(CommandGateway commands, RequestDefaults defaults) {
        this.commands = commands;
        this.defaults = defaults;
    }

    record ReflectionRequest(
            String reflectionId,
            String occurredAt,
            String authorId,
            String text,
            Visibility visibility,
            String decisionId,
            String meetingId) {}

    record CodesRequest(String occurredAt, List<String> codes, String codedBy) {}

    record InterviewRequest(
            String interviewId,
            String occurredAt,
            String intervieweeId,
            String interviewerId,
            String summary,
            List<String> codes) {}

    record ConsentRequest(String occurredAt) {}

    @PostMapping("/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a diary reflection, private or shared with the team (ReflectionWritten)")
    RecordedResponse write(@PathVariable String projectId, @RequestBody ReflectionRequest r) {
        String reflectionId = defaults.idOr(r.reflectionId(), "reflection");
        commands.sendAndWait(new WriteReflection(
                projectId,
                defaults.occurredAt(r.occurredAt()),
                reflectionId,
                r.authorId(),
                r.text(),
                r.visibility(),
                r.decisionId(),
                r.meetingId()));
        return new RecordedResponse(projectId, reflectionId);
    }

    @PostMapping("/reflections/{reflectionId}/codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Code a reflection with themes from the codebook (ReflectionCoded)")
    RecordedResponse code(
            @PathVariable String projectId, @PathVariable String reflectionId, @RequestBody CodesRequest r) {
        commands.sendAndWait(new CodeReflection(
                projectId, defaults.occurredAt(r.occurredAt()), reflectionId, r.codes(), r.codedBy()));
        return new RecordedResponse(projectId, reflectionId);
    }

    @PostMapping("/interviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an interview of a member (InterviewRecorded)")
    RecordedResponse interview(@PathVariable String projectId, @RequestBody InterviewRequest r) {
        String interviewId = defaults.idOr(r.interviewId(), "interview");
        commands.sendAndWait(new RecordInterview(
                projectId,
                defaults.occurredAt(r.occurredAt()),
                interviewId,
                r.intervieweeId(),
                r.interviewerId(),
                r.summary(),
                r.codes()));
        return new RecordedResponse(projectId, interviewId);
    }

    @PostMapping("/members/{memberId}/consent-withdrawal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member withdraws consent (ConsentWithdrawn)")
    RecordedResponse withdrawConsent(
            @PathVariable String projectId,
            @PathVariable String memberId,
            @RequestBody(required = false) ConsentRequest r) {
        commands.sendAndWait(
                new WithdrawConsent(projectId, defaults.occurredAt(r == null ? null : r.occurredAt()), memberId));
        return new RecordedResponse(projectId, memberId);
    }
}
