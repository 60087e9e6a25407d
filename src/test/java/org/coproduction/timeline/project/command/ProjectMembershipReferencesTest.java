package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.DECISION;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PERSPECTIVES;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.left;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.proposed;
import static org.coproduction.timeline.testing.ProjectSamples.reflectionWritten;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coproduction.timeline.api.DecisionCommand.MakeDecision;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionCommand.RecordInfluence;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleCommand.ChangeMemberRole;
import org.coproduction.timeline.api.LifecycleCommand.RecordMemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.coproduction.timeline.api.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A member must have joined, and not left, at the {@code occurredAt} of everything that names them.
 * Every field that names a member is tried against the same five team histories, all referring to
 * {@link #WHEN}: Ann is always on the team; the member under test, Max, differs per history.
 */
class ProjectMembershipReferencesTest {

    private static final String MAX = "max";
    private static final Instant WHEN = APR;

    /** One field that names a member: the command that names Max there, and the event it records. */
    private record Reference(String field, Function<String, Object> command, Function<String, Object> event) {
        @Override
        public String toString() {
            return field + " of " + command.apply(MAX).getClass().getSimpleName();
        }
    }

    /** Max's memberships, as events, and how a reference to Max at {@link #WHEN} is refused (null: accepted). */
    private enum History {
        NEVER_JOINED(Kind.NOT_FOUND),
        JOINS_AFTERWARDS(Kind.CONFLICT, joined(MAX, JUN)),
        LEFT_BEFORE(Kind.CONFLICT, joined(MAX, JAN), left(MAX, FEB)),
        AWAY_BETWEEN_MEMBERSHIPS(Kind.CONFLICT, joined(MAX, JAN), left(MAX, FEB), joined(MAX, JUN)),
        LEFT_AND_REJOINED(null, joined(MAX, JAN), left(MAX, FEB), joined(MAX, MAR));

        private final Kind refusal;
        private final List<Object> events;

        History(Kind refusal, Object... events) {
            this.refusal = refusal;
            this.events = List.of(events);
        }

        Kind refusal() {
            return refusal;
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    private static final List<Reference> REFERENCES = List.of(
            new Reference(
                    "attendees[1]",
                    m -> new HoldMeeting(PROJECT, WHEN, "meeting-2", "Team meeting", MeetingKind.TEAM, List.of(ANN, m)),
                    m -> new MeetingHeld(
                            PROJECT, WHEN, "meeting-2", "Team meeting", MeetingKind.TEAM, List.of(ANN, m))),
            new Reference(
                    "memberId",
                    m -> new RecordContribution(
                            PROJECT, WHEN, MEETING, "contribution-2", m, IpaCategory.AGREES, null, null),
                    m -> new ContributionRecorded(
                            PROJECT, WHEN, MEETING, "contribution-2", m, IpaCategory.AGREES, null, null)),
            new Reference(
                    "proposedBy",
                    m -> new ProposeDecision(PROJECT, WHEN, "decision-2", "Rotate the chair", m),
                    m -> new DecisionProposed(PROJECT, WHEN, "decision-2", "Rotate the chair", m)),
            new Reference(
                    "memberId",
                    m -> new RecordInfluence(
                            PROJECT, WHEN, DECISION, "influence-2", m, InfluenceKind.OPPOSED, null, null, null),
                    m -> new InfluenceRecorded(
                            PROJECT, WHEN, DECISION, "influence-2", m, InfluenceKind.OPPOSED, null, null, null)),
            new Reference(
                    "decidedBy[1]",
                    m -> new MakeDecision(PROJECT, WHEN, DECISION, "Agreed", DecisionMethod.VOTE, List.of(ANN, m)),
                    m -> new DecisionMade(PROJECT, WHEN, DECISION, "Agreed", DecisionMethod.VOTE, List.of(ANN, m))),
            new Reference(
                    "authorId",
                    m -> new WriteReflection(PROJECT, WHEN, "reflection-2", m, "Notes", Visibility.PRIVATE, null, null),
                    m -> new ReflectionWritten(
                            PROJECT, WHEN, "reflection-2", m, "Notes", Visibility.PRIVATE, null, null)),
            new Reference(
                    "codedBy",
                    m -> new CodeReflection(PROJECT, WHEN, REFLECTION, List.of("power"), m),
                    m -> new ReflectionCoded(PROJECT, WHEN, REFLECTION, List.of("power"), m)),
            new Reference(
                    "intervieweeId",
                    m -> new RecordInterview(PROJECT, WHEN, "interview-2", m, ANN, null, null),
                    m -> new InterviewRecorded(PROJECT, WHEN, "interview-2", m, ANN, null, null)),
            new Reference(
                    "interviewerId",
                    m -> new RecordInterview(PROJECT, WHEN, "interview-2", ANN, m, null, null),
                    m -> new InterviewRecorded(PROJECT, WHEN, "interview-2", ANN, m, null, null)),
            new Reference(
                    "memberId",
                    m -> new ChangeMemberRole(PROJECT, WHEN, m, "PEER_WORKER", PERSPECTIVES),
                    m -> new MemberRoleChanged(PROJECT, WHEN, m, "PEER_WORKER", PERSPECTIVES)),
            new Reference(
                    "memberId", m -> new RecordMemberLeft(PROJECT, WHEN, m), m -> new MemberLeft(PROJECT, WHEN, m)));

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    static Stream<Arguments> everyReferenceInEveryHistory() {
        return REFERENCES.stream()
                .flatMap(reference -> Stream.of(History.values()).map(history -> Arguments.of(reference, history)));
    }

    @ParameterizedTest(name = "{0}, member {1}")
    @MethodSource("everyReferenceInEveryHistory")
    void aMemberCountsOnlyWhileOnTheTeam(Reference reference, History history) {
        var result =
                fixture.given(historyWith(history)).when(reference.command().apply(MAX));
        if (history.accepted()) {
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(reference.event().apply(MAX));
        } else {
            result.expectException(violation(history.refusal(), reference.field(), "member " + MAX))
                    .expectNoEvents();
        }
    }

    /** Ann's meeting, decision and reflection of January give every reference something to name. */
    private static List<Object> historyWith(History history) {
        List<Object> events = new ArrayList<>(List.of(
                registered(),
                joined(ANN, START),
                meetingHeld(MEETING, JAN, ANN),
                proposed(DECISION, ANN, JAN),
                reflectionWritten(REFLECTION, ANN, JAN)));
        events.addAll(history.events);
        return events;
    }
}
