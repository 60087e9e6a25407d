package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;
import static org.coproduction.timeline.api.RuleViolationException.notFound;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.coproduction.timeline.api.CodebookEvent;
import org.coproduction.timeline.api.DecisionEvent;
import org.coproduction.timeline.api.JournalEvent;
import org.coproduction.timeline.api.JournalEvent.Gripp2ItemWritten;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.PassageCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.LifecycleEvent;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectClosed;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException;

/**
 * Everything the rules of docs/events.md need to know about one project, folded from its events.
 * {@link #check} refuses an event that would break a rule (with the field at fault) and
 * {@link #evolve} takes an accepted one in. No framework types: the aggregate and the importer
 * both use it, so a command and an imported line are judged the same way.
 */
public final class ProjectState {

    private boolean registered;
    private Instant closedAt;
    private Instant lastPhaseStart;
    private Instant latestOccurrence = Instant.MIN;
    private final Set<String> phaseIds = new HashSet<>();
    private final Team team = new Team();
    private final MeetingLog meetings = new MeetingLog();
    private final DecisionLog decisions = new DecisionLog();
    private final Journal journal = new Journal();
    private final Consent consent = new Consent();
    private final Codebook codebook = new Codebook();
    /** The narrow facts each part's rules read from the others. */
    private final Facts facts = new Facts();

    private final class Facts implements MeetingLog.Facts, DecisionLog.Facts, Journal.Facts {

        @Override
        public Team team() {
            return team;
        }

        @Override
        public void requireDecision(String field, String decisionId) {
            decisions.requireDecision(field, decisionId);
        }

        @Override
        public boolean hasMeeting(String meetingId) {
            return meetings.hasMeeting(meetingId);
        }

        @Override
        public boolean hasContribution(String contributionId) {
            return meetings.hasContribution(contributionId);
        }

        @Override
        public boolean hasReflection(String reflectionId) {
            return journal.hasReflection(reflectionId);
        }

        @Override
        public void requireUsable(String field, List<String> codes, Instant at) {
            codebook.requireUsable(field, codes, at);
        }

        @Override
        public Optional<String> pseudonymOf(String memberId) {
            return consent.pseudonymOf(memberId);
        }
    }

    public Team team() {
        return team;
    }

    public MeetingLog meetings() {
        return meetings;
    }

    public boolean isRegistered() {
        return registered;
    }

    /**
     * Whether {@code event} repeats, field for field, one this project has already recorded: a
     * retried meeting, contribution or retraction (the live-coding screen retries until it hears
     * back). The aggregate answers a repeat as done and records nothing; everything else goes
     * through {@link #check}. The importer does not ask: it judges every line of a file by {@link #check}.
     */
    public boolean isRepeat(ProjectEvent event) {
        return registered && event instanceof MeetingEvent meeting && meetings.isRepeat(meeting);
    }

    /** Throws {@link RuleViolationException} when {@code event} may not be recorded now. */
    public void check(ProjectEvent event) {
        if (event instanceof ProjectRegistered) {
            if (registered) {
                throw conflict("projectId", "project " + event.projectId() + " is already registered");
            }
            return;
        }
        if (!registered) {
            throw notFound("projectId", "project " + event.projectId() + " is not registered");
        }
        // The team's report is written, and its analysis goes on, after its study: its GRIPP2 answers,
        // changes to its codebook and its coding of the texts may be dated after the closure.
        if (closedAt != null
                && (event instanceof ProjectClosed || (event.occurredAt().isAfter(closedAt) && !isAnalysis(event)))) {
            throw conflict("occurredAt", "project " + event.projectId() + " was closed at " + closedAt);
        }
        if (event instanceof ProjectClosed && event.occurredAt().isBefore(latestOccurrence)) {
            throw conflict(
                    "occurredAt", "the project cannot close before " + latestOccurrence + ", when something occurred");
        }
        consent.check(event);
        if (event instanceof LifecycleEvent lifecycle) {
            checkLifecycle(lifecycle);
        } else if (event instanceof MeetingEvent meeting) {
            meetings.check(meeting, facts);
        } else if (event instanceof DecisionEvent decision) {
            decisions.check(decision, facts);
        } else if (event instanceof JournalEvent entry) {
            journal.check(entry, facts);
        } else if (event instanceof CodebookEvent change) {
            team.requireMemberAt("changedBy", change.changedBy(), change.occurredAt());
            codebook.check(change);
        }
    }

    /** What the team's analysis and report record: it may go on after the study's closure. */
    private static boolean isAnalysis(ProjectEvent event) {
        return event instanceof Gripp2ItemWritten
                || event instanceof CodebookEvent
                || event instanceof ReflectionCoded
                || event instanceof PassageCoded;
    }

    /**
     * Throws {@link RuleViolationException} when a run of codebook changes, all at one time and in one
     * member's name, may not be recorded together: the first is judged as any event is, then each in
     * turn by the codebook's rules after the ones before it.
     */
    public void checkCodebookChanges(List<CodebookEvent> changes, List<Integer> lines) {
        if (changes.isEmpty()) {
            return;
        }
        check(changes.get(0));
        codebook.checkInOrder(changes, lines);
    }

    private void checkLifecycle(LifecycleEvent event) {
        if (event instanceof PhaseStarted phase) {
            if (phaseIds.contains(phase.phaseId())) {
                throw conflict("phaseId", "phase " + phase.phaseId() + " has already started");
            }
            if (lastPhaseStart != null && phase.occurredAt().isBefore(lastPhaseStart)) {
                throw conflict("occurredAt", "phases start in order: the latest phase started at " + lastPhaseStart);
            }
        } else if (event instanceof MemberJoined joined) {
            team.check(joined);
        } else if (event instanceof MemberRoleChanged changed) {
            team.check(changed);
        } else if (event instanceof MemberLeft left) {
            team.check(left);
        }
    }

    /** The pseudonym of a member who withdrew consent ("Withdrawn member 1"), if they did. */
    public Optional<String> pseudonymOf(String memberId) {
        return consent.pseudonymOf(memberId);
    }

    public void evolve(ProjectEvent event) {
        consent.evolve(event);
        if (event.occurredAt().isAfter(latestOccurrence)) {
            latestOccurrence = event.occurredAt();
        }
        if (event instanceof ProjectRegistered) {
            registered = true;
        } else if (event instanceof ProjectClosed closed) {
            closedAt = closed.occurredAt();
        } else if (event instanceof PhaseStarted phase) {
            phaseIds.add(phase.phaseId());
            lastPhaseStart = phase.occurredAt();
        } else if (event instanceof MemberJoined joined) {
            team.evolve(joined);
        } else if (event instanceof MemberLeft left) {
            team.evolve(left);
        } else if (event instanceof MeetingEvent meeting) {
            meetings.evolve(meeting);
        } else if (event instanceof DecisionEvent decision) {
            decisions.evolve(decision);
        } else if (event instanceof JournalEvent entry) {
            journal.evolve(entry);
            if (entry instanceof ReflectionCoded coded) {
                codebook.used(coded.codes());
            } else if (entry instanceof InterviewRecorded interview) {
                codebook.used(interview.codes());
            } else if (entry instanceof JournalEvent.PassageCoded passage) {
                codebook.used(passage.codes());
            }
        } else if (event instanceof CodebookEvent change) {
            codebook.evolve(change);
        }
    }
}
