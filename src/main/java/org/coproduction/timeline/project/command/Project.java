package org.coproduction.timeline.project.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.coproduction.timeline.api.CodebookCommand.DefineCode;
import org.coproduction.timeline.api.CodebookCommand.ImportCodebook;
import org.coproduction.timeline.api.CodebookCommand.MergeCodes;
import org.coproduction.timeline.api.CodebookCommand.RetireCode;
import org.coproduction.timeline.api.CodebookCommand.ReviseCode;
import org.coproduction.timeline.api.CodebookEvent;
import org.coproduction.timeline.api.CodebookEvent.CodeDefined;
import org.coproduction.timeline.api.CodebookEvent.CodeRetired;
import org.coproduction.timeline.api.CodebookEvent.CodeRevised;
import org.coproduction.timeline.api.CodebookEvent.CodesMerged;
import org.coproduction.timeline.api.DecisionCommand.MakeDecision;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionCommand.RecordInfluence;
import org.coproduction.timeline.api.DecisionCommand.RetractInfluence;
import org.coproduction.timeline.api.DecisionCommand.ReviseDecision;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.DecisionRevised;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.JournalCommand.CodePassage;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteGripp2Item;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleCommand.ChangeMemberRole;
import org.coproduction.timeline.api.LifecycleCommand.CloseProject;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RecordMemberLeft;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.LifecycleCommand.StartPhase;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectClosed;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingCommand.CodeTurn;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingCommand.RetractContribution;
import org.coproduction.timeline.api.MeetingCommand.TranscribeMeeting;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException;

/**
 * One research study: the consistency boundary for every rule of docs/events.md. Membership at a date,
 * a contribution's meeting, an influence's decision: all are checked against this project's own
 * events, under its lock, so no check can read a stale copy. Each handler turns its command into
 * the event it asks for, lets {@link ProjectState} refuse it, then applies it; the exact repeat of
 * something already recorded (a client's retry) is answered as done with no new event.
 */
@Aggregate(cache = "projectCache")
class Project {

    @AggregateIdentifier
    private String projectId;

    private final ProjectState state = new ProjectState();

    protected Project() {}

    /** Created if missing, so that registering an existing project is refused by the rules (409). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterProject c) {
        record(new ProjectRegistered(c.projectId(), c.occurredAt(), c.title(), c.description(), c.fundedBy()));
    }

    @CommandHandler
    void handle(StartPhase c) {
        record(new PhaseStarted(c.projectId(), c.occurredAt(), c.phaseId(), c.name()));
    }

    @CommandHandler
    void handle(CloseProject c) {
        record(new ProjectClosed(c.projectId(), c.occurredAt()));
    }

    @CommandHandler
    void handle(JoinMember c) {
        record(new MemberJoined(c.projectId(), c.occurredAt(), c.memberId(), c.name(), c.role(), c.perspectives()));
    }

    @CommandHandler
    void handle(ChangeMemberRole c) {
        record(new MemberRoleChanged(c.projectId(), c.occurredAt(), c.memberId(), c.role(), c.perspectives()));
    }

    @CommandHandler
    void handle(RecordMemberLeft c) {
        record(new MemberLeft(c.projectId(), c.occurredAt(), c.memberId()));
    }

    @CommandHandler
    void handle(HoldMeeting c) {
        record(new MeetingHeld(c.projectId(), c.occurredAt(), c.meetingId(), c.title(), c.kind(), c.attendees()));
    }

    @CommandHandler
    void handle(RecordContribution c) {
        record(new ContributionRecorded(
                c.projectId(),
                c.occurredAt(),
                c.meetingId(),
                c.contributionId(),
                c.memberId(),
                c.category(),
                c.decisionId(),
                c.summary()));
    }

    /** A transcript: every turn recorded, or, if one breaks a rule, none (the refusal names its line). */
    @CommandHandler
    void handle(TranscribeMeeting c) {
        Instant start = state.meetings()
                .meetingStart(c.meetingId())
                .orElseThrow(() ->
                        RuleViolationException.notFound("meetingId", "meeting " + c.meetingId() + " is not recorded"));
        if (state.meetings().hasTranscript(c.meetingId())) {
            throw RuleViolationException.conflict(
                    "meetingId", "meeting " + c.meetingId() + " has a transcript already: a meeting has one");
        }
        List<TurnTranscribed> turns = new ArrayList<>();
        for (TranscribeMeeting.Turn turn : c.turns()) {
            TurnTranscribed event = new TurnTranscribed(
                    c.projectId(), start.plus(turn.at()), c.meetingId(), turn.turnId(), turn.memberId(), turn.text());
            try {
                state.check(event);
            } catch (RuleViolationException e) {
                throw new RuleViolationException(e.kind(), e.field(), "line " + turn.line() + ": " + e.getMessage());
            }
            turns.add(event);
        }
        turns.forEach(AggregateLifecycle::apply);
    }

    /** A transcribed turn's coding: the turn's contribution, by its speaker, when it was said. */
    @CommandHandler
    void handle(CodeTurn c) {
        MeetingLog.Turn turn = state.meetings()
                .turn(c.turnId())
                .orElseThrow(
                        () -> RuleViolationException.notFound("turnId", "turn " + c.turnId() + " is not recorded"));
        if (turn.coded()) {
            ContributionRecorded standing = coding(c, turn, turn.codingId(c.turnId(), false));
            if (state.isRepeat(standing)) {
                return; // the same coding asked again: a retry whose answer was lost
            }
        }
        record(coding(c, turn, turn.codingId(c.turnId(), true)));
    }

    private static ContributionRecorded coding(CodeTurn c, MeetingLog.Turn turn, String contributionId) {
        return new ContributionRecorded(
                c.projectId(),
                turn.occurredAt(),
                turn.meetingId(),
                contributionId,
                turn.memberId(),
                c.category(),
                c.decisionId(),
                null);
    }

    @CommandHandler
    void handle(RetractContribution c) {
        record(new ContributionRetracted(c.projectId(), c.occurredAt(), c.contributionId(), c.reason()));
    }

    @CommandHandler
    void handle(ProposeDecision c) {
        record(new DecisionProposed(c.projectId(), c.occurredAt(), c.decisionId(), c.title(), c.proposedBy()));
    }

    @CommandHandler
    void handle(RecordInfluence c) {
        record(new InfluenceRecorded(
                c.projectId(),
                c.occurredAt(),
                c.decisionId(),
                c.influenceId(),
                c.memberId(),
                c.kind(),
                c.contributionId(),
                c.reflectionId(),
                c.note()));
    }

    @CommandHandler
    void handle(RetractInfluence c) {
        record(new InfluenceRetracted(c.projectId(), c.occurredAt(), c.decisionId(), c.influenceId(), c.reason()));
    }

    @CommandHandler
    void handle(MakeDecision c) {
        record(new DecisionMade(c.projectId(), c.occurredAt(), c.decisionId(), c.outcome(), c.method(), c.decidedBy()));
    }

    @CommandHandler
    void handle(ReviseDecision c) {
        record(new DecisionRevised(c.projectId(), c.occurredAt(), c.decisionId(), c.outcome(), c.reason()));
    }

    @CommandHandler
    void handle(WriteReflection c) {
        record(new ReflectionWritten(
                c.projectId(),
                c.occurredAt(),
                c.reflectionId(),
                c.authorId(),
                c.text(),
                c.visibility(),
                c.decisionId(),
                c.meetingId()));
    }

    @CommandHandler
    void handle(CodeReflection c) {
        record(new ReflectionCoded(c.projectId(), c.occurredAt(), c.reflectionId(), c.codes(), c.codedBy()));
    }

    @CommandHandler
    void handle(CodePassage c) {
        record(new PassageCoded(
                c.projectId(), c.occurredAt(), c.source(), c.sourceId(), c.start(), c.end(), c.codes(), c.codedBy()));
    }

    @CommandHandler
    void handle(RecordInterview c) {
        record(new InterviewRecorded(
                c.projectId(),
                c.occurredAt(),
                c.interviewId(),
                c.intervieweeId(),
                c.interviewerId(),
                c.summary(),
                c.codes()));
    }

    @CommandHandler
    void handle(WriteGripp2Item c) {
        record(new Gripp2ItemWritten(c.projectId(), c.occurredAt(), c.item(), c.text(), c.authors()));
    }

    @CommandHandler
    void handle(WithdrawConsent c) {
        record(new ConsentWithdrawn(c.projectId(), c.occurredAt(), c.memberId(), c.scope()));
    }

    @CommandHandler
    void handle(DefineCode c) {
        record(new CodeDefined(
                c.projectId(), c.occurredAt(), c.code(), c.name(), c.description(), c.parent(), c.changedBy()));
    }

    @CommandHandler
    void handle(ReviseCode c) {
        record(new CodeRevised(
                c.projectId(), c.occurredAt(), c.code(), c.name(), c.description(), c.parent(), c.changedBy()));
    }

    @CommandHandler
    void handle(MergeCodes c) {
        record(new CodesMerged(c.projectId(), c.occurredAt(), c.codes(), c.into(), c.changedBy()));
    }

    @CommandHandler
    void handle(RetireCode c) {
        record(new CodeRetired(c.projectId(), c.occurredAt(), c.code(), c.reason(), c.changedBy()));
    }

    /** A codebook from a file: every change recorded, or, if one breaks a rule, none. */
    @CommandHandler
    void handle(ImportCodebook c) {
        List<CodebookEvent> events = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (ImportCodebook.Change change : c.changes()) {
            events.add(
                    change.define()
                            ? new CodeDefined(
                                    c.projectId(),
                                    c.occurredAt(),
                                    change.code(),
                                    change.name(),
                                    change.description(),
                                    change.parent(),
                                    c.changedBy())
                            : new CodeRevised(
                                    c.projectId(),
                                    c.occurredAt(),
                                    change.code(),
                                    change.name(),
                                    change.description(),
                                    change.parent(),
                                    c.changedBy()));
            lines.add(change.line());
        }
        state.checkCodebookChanges(events, lines);
        events.forEach(AggregateLifecycle::apply);
    }

    private void record(ProjectEvent event) {
        if (state.isRepeat(event)) {
            return;
        }
        state.check(event);
        apply(event);
    }

    @EventSourcingHandler
    void on(ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            projectId = registered.projectId();
        }
        state.evolve(event);
    }
}
