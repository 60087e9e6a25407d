package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CONTRIBUTION;
import static org.coproduction.timeline.testing.ProjectSamples.DECISION;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.INFLUENCE;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.MAY;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.contributed;
import static org.coproduction.timeline.testing.ProjectSamples.influenceRetracted;
import static org.coproduction.timeline.testing.ProjectSamples.influenced;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.made;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.proposed;
import static org.coproduction.timeline.testing.ProjectSamples.reflectionWritten;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.conflict;
import static org.coproduction.timeline.testing.RuleViolationMatcher.notFound;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
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
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Decisions: proposing, influencing (and retracting influences), making and revising. */
class ProjectDecisionsTest {

    private static final String OTHER_DECISION = "decision-2";
    private static final String UNKNOWN = "unknown-9";

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    /** Ann and Ben on the team since the start. */
    private TestExecutor<Project> givenTeam(Object... moreEvents) {
        return fixture.given(registered(), joined(ANN, START), joined(BEN, START))
                .andGiven(moreEvents);
    }

    /** The team, and a decision Ann proposed in February. */
    private TestExecutor<Project> givenProposed(Object... moreEvents) {
        return givenTeam(proposed(DECISION, ANN, FEB)).andGiven(moreEvents);
    }

    private static RecordInfluence influence(
            String influenceId, Instant at, String contributionId, String reflectionId) {
        return new RecordInfluence(
                PROJECT,
                at,
                DECISION,
                influenceId,
                BEN,
                InfluenceKind.LIVED_EXPERIENCE,
                contributionId,
                reflectionId,
                "Spoke from experience");
    }

    private static MakeDecision make(String decisionId, Instant at) {
        return new MakeDecision(
                PROJECT, at, decisionId, "Pay at the living wage", DecisionMethod.SERVICE_USER_LED, List.of(ANN, BEN));
    }

    private static ReviseDecision revise(String decisionId, Instant at) {
        return new ReviseDecision(PROJECT, at, decisionId, "Pay at the living wage plus travel", "Budget grew");
    }

    @Nested
    class Proposing {

        @Test
        void canProposeADecision() {
            givenTeam()
                    .when(new ProposeDecision(PROJECT, FEB, DECISION, "Pay peer researchers", ANN))
                    .expectEvents(new DecisionProposed(PROJECT, FEB, DECISION, "Pay peer researchers", ANN));
        }

        @Test
        void givenDecisionProposed_whenSameDecisionIdAgain_thenRejected() {
            givenProposed()
                    .when(new ProposeDecision(PROJECT, MAR, DECISION, "Pay peer researchers", BEN))
                    .expectException(violation(Kind.CONFLICT, "decisionId", "already proposed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingInfluences {

        @Test
        void canRecordAnInfluence() {
            givenProposed()
                    .when(influence(INFLUENCE, MAR, null, null))
                    .expectEvents(new InfluenceRecorded(
                            PROJECT,
                            MAR,
                            DECISION,
                            INFLUENCE,
                            BEN,
                            InfluenceKind.LIVED_EXPERIENCE,
                            null,
                            null,
                            "Spoke from experience"));
        }

        @Test
        void canRecordAnInfluenceSourcedFromAContributionAndAReflection() {
            givenProposed(
                            meetingHeld(MEETING, MAR, ANN, BEN),
                            contributed(CONTRIBUTION, MEETING, BEN, MAR),
                            reflectionWritten(REFLECTION, BEN, MAR))
                    .when(influence(INFLUENCE, APR, CONTRIBUTION, REFLECTION))
                    .expectEvents(new InfluenceRecorded(
                            PROJECT,
                            APR,
                            DECISION,
                            INFLUENCE,
                            BEN,
                            InfluenceKind.LIVED_EXPERIENCE,
                            CONTRIBUTION,
                            REFLECTION,
                            "Spoke from experience"));
        }

        @Test
        void canRecordAnInfluenceAtTheInstantOfProposal() {
            givenProposed()
                    .when(influence(INFLUENCE, FEB, null, null))
                    .expectEvents(new InfluenceRecorded(
                            PROJECT,
                            FEB,
                            DECISION,
                            INFLUENCE,
                            BEN,
                            InfluenceKind.LIVED_EXPERIENCE,
                            null,
                            null,
                            "Spoke from experience"));
        }

        @Test
        void cannotInfluenceADecisionThatIsNotProposed() {
            givenTeam()
                    .when(influence(INFLUENCE, MAR, null, null))
                    .expectException(violation(Kind.NOT_FOUND, "decisionId", "is not proposed"))
                    .expectNoEvents();
        }

        @Test
        void cannotInfluenceADecisionBeforeItWasProposed() {
            givenProposed()
                    .when(influence(INFLUENCE, JAN, null, null))
                    .expectException(violation(Kind.CONFLICT, "occurredAt", "was proposed later"))
                    .expectNoEvents();
        }

        @Test
        void cannotSourceAnInfluenceFromAContributionThatIsNotRecorded() {
            givenProposed()
                    .when(influence(INFLUENCE, MAR, UNKNOWN, null))
                    .expectException(notFound("contributionId"))
                    .expectNoEvents();
        }

        @Test
        void cannotSourceAnInfluenceFromAReflectionThatIsNotRecorded() {
            givenProposed()
                    .when(influence(INFLUENCE, MAR, null, UNKNOWN))
                    .expectException(notFound("reflectionId"))
                    .expectNoEvents();
        }

        @Test
        void givenInfluenceRecorded_whenSameInfluenceIdAgain_thenRejected() {
            givenProposed(influenced(INFLUENCE, DECISION, ANN, MAR))
                    .when(influence(INFLUENCE, APR, null, null))
                    .expectException(conflict("influenceId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RetractingInfluences {

        @Test
        void canRetractAnInfluence() {
            givenProposed(influenced(INFLUENCE, DECISION, BEN, MAR))
                    .when(new RetractInfluence(PROJECT, APR, DECISION, INFLUENCE, "entered twice"))
                    .expectEvents(new InfluenceRetracted(PROJECT, APR, DECISION, INFLUENCE, "entered twice"));
        }

        @Test
        void cannotRetractAnInfluenceThatIsNotRecorded() {
            givenProposed(influenced(INFLUENCE, DECISION, BEN, MAR))
                    .when(new RetractInfluence(PROJECT, APR, DECISION, UNKNOWN, "entered twice"))
                    .expectException(notFound("influenceId"))
                    .expectNoEvents();
        }

        @Test
        void givenInfluenceRetracted_whenRetractAgain_thenRejected() {
            givenProposed(influenced(INFLUENCE, DECISION, BEN, MAR), influenceRetracted(INFLUENCE, DECISION, APR))
                    .when(new RetractInfluence(PROJECT, MAY, DECISION, INFLUENCE, "entered twice"))
                    .expectException(violation(Kind.CONFLICT, "influenceId", "already retracted"))
                    .expectNoEvents();
        }

        @Test
        void cannotRetractAnInfluenceUnderTheWrongDecision() {
            givenProposed(proposed(OTHER_DECISION, BEN, FEB), influenced(INFLUENCE, DECISION, BEN, MAR))
                    .when(new RetractInfluence(PROJECT, APR, OTHER_DECISION, INFLUENCE, "entered twice"))
                    .expectException(
                            violation(Kind.NOT_FOUND, "influenceId", "is not recorded on decision " + OTHER_DECISION))
                    .expectNoEvents();
        }

        @Test
        void cannotRetractAnInfluenceUnderADecisionThatIsNotProposed() {
            givenProposed(influenced(INFLUENCE, DECISION, BEN, MAR))
                    .when(new RetractInfluence(PROJECT, APR, UNKNOWN, INFLUENCE, "entered twice"))
                    .expectException(notFound("decisionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Making {

        @Test
        void canMakeADecision() {
            givenProposed()
                    .when(make(DECISION, APR))
                    .expectEvents(new DecisionMade(
                            PROJECT,
                            APR,
                            DECISION,
                            "Pay at the living wage",
                            DecisionMethod.SERVICE_USER_LED,
                            List.of(ANN, BEN)));
        }

        @Test
        void givenDecisionMade_whenMakeAgain_thenRejected() {
            givenProposed(made(DECISION, MAR, ANN))
                    .when(make(DECISION, APR))
                    .expectException(violation(Kind.CONFLICT, "decisionId", "record a revision instead"))
                    .expectNoEvents();
        }

        @Test
        void givenDecisionMadeAndRevised_whenMakeAgain_thenRejected() {
            givenProposed(made(DECISION, MAR, ANN))
                    .andGivenCommands(revise(DECISION, APR))
                    .when(make(DECISION, MAY))
                    .expectException(conflict("decisionId"))
                    .expectNoEvents();
        }

        @Test
        void cannotMakeADecisionThatIsNotProposed() {
            givenTeam()
                    .when(make(DECISION, APR))
                    .expectException(notFound("decisionId"))
                    .expectNoEvents();
        }

        @Test
        void cannotMakeADecisionBeforeItWasProposed() {
            givenProposed()
                    .when(make(DECISION, JAN))
                    .expectException(conflict("occurredAt"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Revising {

        @Test
        void canReviseAMadeDecision() {
            givenProposed(made(DECISION, MAR, ANN))
                    .when(revise(DECISION, JUN))
                    .expectEvents(new DecisionRevised(
                            PROJECT, JUN, DECISION, "Pay at the living wage plus travel", "Budget grew"));
        }

        @Test
        void canReviseADecisionMoreThanOnce() {
            givenProposed(made(DECISION, MAR, ANN))
                    .andGivenCommands(revise(DECISION, APR))
                    .when(revise(DECISION, JUN))
                    .expectEvents(new DecisionRevised(
                            PROJECT, JUN, DECISION, "Pay at the living wage plus travel", "Budget grew"));
        }

        @Test
        void givenDecisionProposedOnly_whenRevise_thenRejected() {
            givenProposed()
                    .when(revise(DECISION, JUN))
                    .expectException(violation(Kind.CONFLICT, "decisionId", "is not made yet"))
                    .expectNoEvents();
        }

        @Test
        void cannotReviseADecisionThatIsNotProposed() {
            givenTeam()
                    .when(revise(DECISION, JUN))
                    .expectException(notFound("decisionId"))
                    .expectNoEvents();
        }

        @Test
        void cannotReviseADecisionBeforeItWasMade() {
            givenProposed(made(DECISION, MAY, ANN))
                    .when(revise(DECISION, APR))
                    .expectException(violation(Kind.CONFLICT, "occurredAt", "was made later"))
                    .expectNoEvents();
        }
    }
}
