package org.coproduction.timeline.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.LifecycleCommand.ChangeMemberRole;
import org.coproduction.timeline.api.LifecycleCommand.CloseProject;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RecordMemberLeft;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.LifecycleCommand.StartPhase;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records a project's registration, phases, team changes and closure. */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Project and team")
class LifecycleController {

    private final CommandGateway commands;
    private final RequestDefaults defaults;
    private final CurrentAccount current;
    private final ProjectAccess access;

    LifecycleController(
            CommandGateway commands, RequestDefaults defaults, CurrentAccount current, ProjectAccess access) {
        this.commands = commands;
        this.defaults = defaults;
        this.current = current;
        this.access = access;
    }

    record RegisterProjectRequest(
            String projectId, String occurredAt, String title, String description, String fundedBy) {}

    record StartPhaseRequest(String phaseId, String occurredAt, String name) {}

    record CloseProjectRequest(String occurredAt) {}

    record JoinMemberRequest(String memberId, String occurredAt, String name, String role, List<String> perspectives) {}

    record ChangeRoleRequest(String occurredAt, String role, List<String> perspectives) {}

    record MemberLeftRequest(String occurredAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a project (ProjectRegistered); the account registering it becomes its COORDINATOR",
            description = "Without a projectId, the id is read from the title (\"Carers' Voices\" gives"
                    + " carers-voices), with a suffix when a project already has that one.")
    RecordedResponse register(@RequestBody RegisterProjectRequest r) {
        String projectId = r.projectId() != null ? r.projectId() : ReadableIds.fromTitle(r.title());
        try {
            registerAs(projectId, r);
        } catch (RuntimeException refused) {
            if (r.projectId() != null || !isTaken(refused)) {
                throw refused;
            }
            projectId = defaults.idOr(null, ReadableIds.prefixFromTitle(r.title()));
            registerAs(projectId, r);
        }
        String username = current.username();
        if (username != null) {
            access.grant(projectId, username, ProjectRole.COORDINATOR, null, username);
        }
        return new RecordedResponse(projectId, projectId);
    }

    /** Whether the refusal says the project id is taken: a project is registered under it already. */
    private static boolean isTaken(RuntimeException refused) {
        Throwable cause = refused instanceof CommandExecutionException && refused.getCause() != null
                ? refused.getCause()
                : refused;
        return cause instanceof AggregateStreamCreationException
                || cause instanceof ConcurrencyException
                || (cause instanceof RuleViolationException violation
                        && violation.kind() == RuleViolationException.Kind.CONFLICT
                        && "projectId".equals(violation.field()));
    }

    private void registerAs(String projectId, RegisterProjectRequest r) {
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new RegisterProject(projectId, at, r.title(), r.description(), r.fundedBy())));
    }

    @PostMapping("/{projectId}/phases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the next phase; the previous one ends (PhaseStarted)")
    RecordedResponse startPhase(@PathVariable String projectId, @RequestBody StartPhaseRequest r) {
        String phaseId = defaults.idOr(r.phaseId(), "phase");
        commands.sendAndWait(defaults.command(r.occurredAt(), at -> new StartPhase(projectId, at, phaseId, r.name())));
        return new RecordedResponse(projectId, phaseId);
    }

    @PostMapping("/{projectId}/closure")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close the project; nothing may occur after it (ProjectClosed)")
    RecordedResponse close(@PathVariable String projectId, @RequestBody(required = false) CloseProjectRequest r) {
        commands.sendAndWait(
                defaults.command(r == null ? null : r.occurredAt(), at -> new CloseProject(projectId, at)));
        return new RecordedResponse(projectId, projectId);
    }

    @PostMapping("/{projectId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member joins the team (MemberJoined)")
    RecordedResponse join(@PathVariable String projectId, @RequestBody JoinMemberRequest r) {
        String memberId = defaults.idOr(r.memberId(), "member");
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new JoinMember(projectId, at, memberId, r.name(), r.role(), r.perspectives())));
        return new RecordedResponse(projectId, memberId);
    }

    @PostMapping("/{projectId}/members/{memberId}/role")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member's role or perspectives change from a date (MemberRoleChanged)")
    RecordedResponse changeRole(
            @PathVariable String projectId, @PathVariable String memberId, @RequestBody ChangeRoleRequest r) {
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new ChangeMemberRole(projectId, at, memberId, r.role(), r.perspectives())));
        return new RecordedResponse(projectId, memberId);
    }

    @PostMapping("/{projectId}/members/{memberId}/departure")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member leaves the team (MemberLeft)")
    RecordedResponse leave(
            @PathVariable String projectId,
            @PathVariable String memberId,
            @RequestBody(required = false) MemberLeftRequest r) {
        commands.sendAndWait(defaults.command(
                r == null ? null : r.occurredAt(), at -> new RecordMemberLeft(projectId, at, memberId)));
        return new RecordedResponse(projectId, memberId);
    }
}
