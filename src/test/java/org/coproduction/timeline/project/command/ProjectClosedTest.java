package org.coproduction.timeline.project.command;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CONTRIBUTION;
import static org.coproduction.timeline.testing.ProjectSamples.DEC;
import static org.coproduction.timeline.testing.ProjectSamples.DECISION;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.INFLUENCE;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PERSPECTIVES;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.ROLE;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.closed;
import static org.coproduction.timeline.testing.ProjectSamples.contributed;
import static org.coproduction.timeline.testing.ProjectSamples.influenced;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.made;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.proposed;
import static org.coproduction.timeline.testing.ProjectSamples.reflectionWritten;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coproduction.timeline.api.DecisionCommand.MakeDecision;
import org.coproduction.timeline.api.DecisionCommand.ProposeDecision;
import org.coproduction.timeline.api.DecisionCommand.RecordInfluence;
import org.coproduction.timeline.api.DecisionCommand.RetractInfluence;
import org.coproduction.timeline.api.DecisionCommand.ReviseDecision;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.LifecycleCommand.ChangeMemberRole;
import org.coproduction.timeline.api.LifecycleCommand.CloseProject;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RecordMemberLeft;
import org.coproduction.timeline.api.LifecycleCommand.StartPhase;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingCommand.RetractContribution;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.coproduction.timeline.api.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing happens after {@code ProjectClosed}: every command dated later is refused on its
 * {@code occurredAt}, even one that would be accepted before the closure.
 */
class ProjectClosedTest {

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    /**
     * Commands dated in December, each valid against the history below had the project stayed open.
     * (Coding texts, the codebook and the report's GRIPP2 answers go on after the study: not here.)
     */
    static Stream<Object> everyCommandAfterTheClose() {
        return Stream.of(
                new StartPhase(PROJECT, DEC, "p9", "Dissemination"),
                new CloseProject(PROJECT, DEC),
                new JoinMember(PROJECT, DEC, "max", "Max", ROLE, PERSPECTIVES),
                new ChangeMemberRole(PROJECT, DEC, BEN, "PEER_WORKER", PERSPECTIVES),
                new RecordMemberLeft(PROJECT, DEC, BEN),
                new HoldMeeting(PROJECT, DEC, "meeting-9", "Reunion", MeetingKind.OTHER, List.of(ANN)),
                new RecordContribution(PROJECT, DEC, MEETING, "contribution-9", ANN, IpaCategory.AGREES, null, null),
                new RetractContribution(PROJECT, DEC, CONTRIBUTION, "miscoded"),
                new ProposeDecision(PROJECT, DEC, "decision-9", "Write a sequel", ANN),
                new RecordInfluence(
                        PROJECT, DEC, DECISION, "influence-9", BEN, InfluenceKind.SUPPORTED, null, null, null),
                new RetractInfluence(PROJECT, DEC, DECISION, INFLUENCE, "entered twice"),
                new MakeDecision(PROJECT, DEC, DECISION, "Agreed", DecisionMethod.VOTE, List.of(ANN)),
                new ReviseDecision(PROJECT, DEC, "decision-made", "Changed", "New evidence"),
                new WriteReflection(PROJECT, DEC, "reflection-9", ANN, "Looking back", Visibility.TEAM, null, null),
                new RecordInterview(PROJECT, DEC, "interview-9", BEN, ANN, null, null),
                new WithdrawConsent(PROJECT, DEC, BEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandAfterTheClose")
    void givenClosedInJune_whenAnythingHappensInDecember_thenRejected(Object command) {
        fixture.given(history())
                .andGiven(closed(JUN))
                .when(command)
                .expectException(violation(Kind.CONFLICT, "occurredAt", "was closed at " + JUN))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandAfterTheClose")
    void givenStillOpen_whenTheSameHappensInDecember_thenAccepted(Object command) {
        fixture.given(history())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(
                                matches((ProjectEvent e) -> e.occurredAt().equals(DEC))),
                        andNoMore()));
    }

    private static List<Object> history() {
        return List.of(
                registered(),
                joined(ANN, START),
                joined(BEN, START),
                meetingHeld(MEETING, JAN, ANN, BEN),
                contributed(CONTRIBUTION, MEETING, BEN, JAN),
                proposed(DECISION, ANN, JAN),
                influenced(INFLUENCE, DECISION, BEN, FEB),
                proposed("decision-made", ANN, JAN),
                made("decision-made", FEB, ANN),
                reflectionWritten(REFLECTION, BEN, FEB));
    }
}
