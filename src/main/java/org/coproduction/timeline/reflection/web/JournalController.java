package org.coproduction.timeline.reflection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.NotAllowedException;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.privacy.Sealing;
import org.coproduction.timeline.project.web.RecordedResponse;
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
    private final CurrentAccount current;
    private final Sealing sealing;
    private final AuditTrail audit;

    JournalController(
            CommandGateway commands,
            RequestDefaults defaults,
            CurrentAccount current,
            Sealing sealing,
            AuditTrail audit) {
        this.commands = commands;
        this.defaults = defaults;
        this.current = current;
        this.sealing = sealing;
        this.audit = audit;
    }

    record ReflectionRequest(
            String reflectionId,
            String occurredAt,
            String authorId,
            String text,
            Visibility visibility,
            String decisionId,
            String meetingId,
            Boolean transcribed) {}

    record CodesRequest(String occurredAt, List<String> codes, String codedBy) {}

    record InterviewRequest(
            String interviewId,
            String occurredAt,
            String intervieweeId,
            String interviewerId,
            String summary,
            List<String> codes) {}

    /** {@code scope} TEXT (the default) or ALL; see {@link WithdrawalScope}. */
    record ConsentRequest(String occurredAt, WithdrawalScope scope) {}

    /** The withdrawal recorded: the member is shown by {@code pseudonym} from now on. */
    record WithdrawalResponse(String projectId, String id, String pseudonym) {}

    @PostMapping("/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Write a diary reflection, private or shared with the team (ReflectionWritten)",
            description = "The author is the signed-in account's member (authorId may be left out). Writing in"
                    + " another member's name is refused (403), except by a RECORDER transcribing a paper diary,"
                    + " who says so with transcribed: true (kept in the event's metadata as transcribedBy).")
    RecordedResponse write(@PathVariable String projectId, @RequestBody ReflectionRequest r) {
        SignedIn me = current.get().orElseThrow();
        Optional<String> self = me.memberIn(projectId);
        String authorId = r.authorId() != null ? r.authorId() : self.orElse(null);
        if (authorId == null) {
            throw new InvalidFieldException(
                    "authorId", "is required: your account is not linked to a member of this project");
        }
        String reflectionId = defaults.idOr(r.reflectionId(), "reflection");
        WriteReflection command = defaults.command(
                r.occurredAt(),
                at -> new WriteReflection(
                        projectId,
                        at,
                        reflectionId,
                        authorId,
                        r.text(),
                        r.visibility(),
                        r.decisionId(),
                        r.meetingId()));
        boolean own = self.equals(Optional.of(authorId));
        if (!own && !Boolean.TRUE.equals(r.transcribed())) {
            throw new NotAllowedException(
                    "authorId",
                    "you may write reflections only as yourself"
                            + self.map(m -> " (" + m + ")").orElse(" (your account is linked to no member here)")
                            + "; a RECORDER transcribing a paper diary says so with transcribed: true");
        }
        if (!own && !me.may(projectId, ProjectRole.RECORDER)) {
            throw new NotAllowedException(
                    "transcribed",
                    "only a RECORDER may transcribe another member's diary; this needs the role RECORDER");
        }
        commands.sendAndWait(
                own
                        ? command
                        : GenericCommandMessage.asCommandMessage(command)
                                .andMetaData(Map.of(RecordedTime.TRANSCRIBED_BY, me.username())));
        return new RecordedResponse(projectId, reflectionId);
    }

    @PostMapping("/reflections/{reflectionId}/codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Code a reflection with themes from the codebook (ReflectionCoded)")
    RecordedResponse code(
            @PathVariable String projectId, @PathVariable String reflectionId, @RequestBody CodesRequest r) {
        SignedIn me = current.get().orElseThrow();
        Optional<String> self = me.memberIn(projectId);
        String codedBy = r.codedBy() != null ? r.codedBy() : self.orElse(null);
        CodeReflection command = defaults.command(
                r.occurredAt(), at -> new CodeReflection(projectId, at, reflectionId, r.codes(), codedBy));
        if (!me.may(projectId, ProjectRole.RECORDER)
                && !self.filter(codedBy::equals).isPresent()) {
            throw new NotAllowedException(
                    "codedBy", "you may code reflections only as yourself; this needs the role RECORDER");
        }
        commands.sendAndWait(command);
        return new RecordedResponse(projectId, reflectionId);
    }

    @PostMapping("/interviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an interview of a member (InterviewRecorded)")
    RecordedResponse interview(@PathVariable String projectId, @RequestBody InterviewRequest r) {
        String interviewId = defaults.idOr(r.interviewId(), "interview");
        commands.sendAndWait(defaults.command(
                r.occurredAt(),
                at -> new RecordInterview(
                        projectId, at, interviewId, r.intervieweeId(), r.interviewerId(), r.summary(), r.codes())));
        return new RecordedResponse(projectId, interviewId);
    }

    @PostMapping("/members/{memberId}/consent-withdrawal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A member withdraws consent (ConsentWithdrawn)",
            description = "Destroys the member's key: their name and personal text become unreadable everywhere."
                    + " scope TEXT (the default) keeps what they did in the figures under a pseudonym; ALL also"
                    + " leaves them out of every figure and list. Cannot be undone.")
    WithdrawalResponse withdrawConsent(
            @PathVariable String projectId,
            @PathVariable String memberId,
            @RequestBody(required = false) ConsentRequest r) {
        SignedIn me = current.get().orElseThrow();
        if (!me.may(projectId, ProjectRole.COORDINATOR)
                && !me.memberIn(projectId).filter(memberId::equals).isPresent()) {
            throw new NotAllowedException(
                    "memberId", "a member may withdraw only their own consent; this needs the role COORDINATOR");
        }
        Instant effective = defaults.occurredAt(r == null ? null : r.occurredAt());
        WithdrawalScope scope = r == null || r.scope() == null ? WithdrawalScope.TEXT : r.scope();
        commands.sendAndWait(new WithdrawConsent(projectId, effective, memberId, scope));
        String pseudonym = sealing.pseudonym(projectId, memberId).orElseThrow();
        audit.record(
                me.username(),
                "CONSENT_WITHDRAWN",
                projectId,
                pseudonym,
                "scope " + scope + ", effective " + effective);
        return new WithdrawalResponse(projectId, memberId, pseudonym);
    }
}
