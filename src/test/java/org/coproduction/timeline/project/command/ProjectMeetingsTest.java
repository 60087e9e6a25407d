package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CAL;
import static org.coproduction.timeline.testing.ProjectSamples.CONTRIBUTION;
import static org.coproduction.timeline.testing.ProjectSamples.DECISION;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.contributed;
import static org.coproduction.timeline.testing.ProjectSamples.contributionRetracted;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.proposed;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.conflict;
import static org.coproduction.timeline.testing.RuleViolationMatcher.notFound;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingCommand.RetractContribution;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Meetings, their coded contributions and retractions of that coding. */
class ProjectMeetingsTest {

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

    /** The team, and a meeting in February that both attended. */
    private TestExecutor<Project> givenMeeting(Object... moreEvents) {
        return givenTeam(meetingHeld(MEETING, FEB, ANN, BEN)).andGiven(moreEvents);
    }

    private static RecordContribution contribution(String contributionId, String meetingId, String decisionId) {
        return new RecordContribution(
                PROJECT, FEB, meetingId, contributionId, BEN, IpaCategory.DISAGREES, decisionId, "Not in my name");
    }

    @Nested
    class HoldingMeetings {

        @Test
        void canHoldAMeeting() {
            givenTeam()
                    .when(new HoldMeeting(
                            PROJECT, FEB, MEETING, "Steering group", MeetingKind.STEERING, List.of(ANN, BEN)))
                    .expectEvents(new MeetingHeld(
                            PROJECT, FEB, MEETING, "Steering group", MeetingKind.STEERING, List.of(ANN, BEN)));
        }

        @Test
        void canHoldAMeetingWithoutRecordedAttendees() {
            givenTeam()
                    .when(new HoldMeeting(PROJECT, FEB, MEETING, "Open forum", MeetingKind.OTHER, List.of()))
                    .expectEvents(new MeetingHeld(PROJECT, FEB, MEETING, "Open forum", MeetingKind.OTHER, List.of()));
        }

        @Test
        void givenMeetingHeld_whenSameMeetingIdAgain_thenRejected() {
            givenMeeting()
                    .when(new HoldMeeting(PROJECT, MAR, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN)))
                    .expectException(conflict("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void givenMeetingHeld_whenTheSameMeetingIsHeldAgain_thenDoneWithoutANewEvent() {
            givenMeeting()
                    .when(new HoldMeeting(PROJECT, FEB, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN, BEN)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotHoldAMeetingWithAnAttendeeWhoNeverJoined() {
            givenTeam()
                    .when(new HoldMeeting(
                            PROJECT, FEB, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN, BEN, CAL)))
                    .expectException(violation(Kind.NOT_FOUND, "attendees[2]", "member " + CAL + " has not joined"))
                    .expectNoEvents();
        }

        @Test
        void cannotHoldAMeetingBeforeAnAttendeeJoined() {
            fixture.given(registered(), joined(ANN, START), joined(BEN, MAR))
                    .when(new HoldMeeting(PROJECT, FEB, MEETING, "Team meeting", MeetingKind.TEAM, List.of(BEN, ANN)))
                    .expectException(conflict("attendees[0]"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingContributions {

        @Test
        void canRecordAContribution() {
            givenMeeting()
                    .when(contribution(CONTRIBUTION, MEETING, null))
                    .expectEvents(new ContributionRecorded(
                            PROJECT, FEB, MEETING, CONTRIBUTION, BEN, IpaCategory.DISAGREES, null, "Not in my name"));
        }

        @Test
        void canRecordAContributionAboutAProposedDecision() {
            givenMeeting(proposed(DECISION, ANN, JAN))
                    .when(contribution(CONTRIBUTION, MEETING, DECISION))
                    .expectEvents(new ContributionRecorded(
                            PROJECT,
                            FEB,
                            MEETING,
                            CONTRIBUTION,
                            BEN,
                            IpaCategory.DISAGREES,
                            DECISION,
                            "Not in my name"));
        }

        @Test
        void cannotContributeToAMeetingThatIsNotRecorded() {
            givenMeeting()
                    .when(contribution(CONTRIBUTION, "meeting-9", null))
                    .expectException(violation(Kind.NOT_FOUND, "meetingId", "meeting meeting-9 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void cannotContributeAboutADecisionThatIsNotProposed() {
            givenMeeting()
                    .when(contribution(CONTRIBUTION, MEETING, "decision-9"))
                    .expectException(notFound("decisionId"))
                    .expectNoEvents();
        }

        @Test
        void givenContributionRecorded_whenSameContributionIdAgain_thenRejected() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, ANN, FEB))
                    .when(contribution(CONTRIBUTION, MEETING, null))
                    .expectException(conflict("contributionId"))
                    .expectNoEvents();
        }

        @Test
        void givenContributionRecorded_whenTheSameContributionIsRecordedAgain_thenDoneWithoutANewEvent() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, ANN, FEB))
                    .when(new RecordContribution(
                            PROJECT, FEB, MEETING, CONTRIBUTION, ANN, IpaCategory.GIVES_SUGGESTION, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenContributionRecorded_whenTheIdIsReusedWithAnotherCategory_thenRejected() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, ANN, FEB))
                    .when(new RecordContribution(
                            PROJECT, FEB, MEETING, CONTRIBUTION, ANN, IpaCategory.AGREES, null, null))
                    .expectException(conflict("contributionId"))
                    .expectNoEvents();
        }

        @Test
        void givenContributionRecorded_whenTheIdIsReusedAtAnotherTime_thenRejected() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, ANN, FEB))
                    .when(new RecordContribution(
                            PROJECT,
                            FEB.plusSeconds(1),
                            MEETING,
                            CONTRIBUTION,
                            ANN,
                            IpaCategory.GIVES_SUGGESTION,
                            null,
                            null))
                    .expectException(conflict("contributionId"))
                    .expectNoEvents();
        }

        @Test
        void givenContributionRetracted_whenTheSameContributionIsRecordedAgain_thenDoneWithoutANewEvent() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, ANN, FEB), contributionRetracted(CONTRIBUTION, MAR))
                    .when(new RecordContribution(
                            PROJECT, FEB, MEETING, CONTRIBUTION, ANN, IpaCategory.GIVES_SUGGESTION, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenContributionRetracted_whenSameContributionIdAgain_thenRejected() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, ANN, FEB), contributionRetracted(CONTRIBUTION, MAR))
                    .when(contribution(CONTRIBUTION, MEETING, null))
                    .expectException(conflict("contributionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RetractingContributions {

        @Test
        void canRetractAContribution() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, BEN, FEB))
                    .when(new RetractContribution(PROJECT, APR, CONTRIBUTION, "miscoded"))
                    .expectEvents(new ContributionRetracted(PROJECT, APR, CONTRIBUTION, "miscoded"));
        }

        @Test
        void cannotRetractAContributionThatIsNotRecorded() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, BEN, FEB))
                    .when(new RetractContribution(PROJECT, APR, "contribution-9", "miscoded"))
                    .expectException(notFound("contributionId"))
                    .expectNoEvents();
        }

        @Test
        void givenContributionRetracted_whenTheSameRetractionAgain_thenDoneWithoutANewEvent() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, BEN, FEB), contributionRetracted(CONTRIBUTION, MAR))
                    .when(new RetractContribution(PROJECT, MAR, CONTRIBUTION, "coded against the wrong speaker"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenContributionRetracted_whenRetractedAgainForAnotherReason_thenRejected() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, BEN, FEB), contributionRetracted(CONTRIBUTION, MAR))
                    .when(new RetractContribution(PROJECT, MAR, CONTRIBUTION, "miscoded"))
                    .expectException(violation(Kind.CONFLICT, "contributionId", "already retracted"))
                    .expectNoEvents();
        }

        @Test
        void givenContributionRetracted_whenRetractAgain_thenRejected() {
            givenMeeting(contributed(CONTRIBUTION, MEETING, BEN, FEB), contributionRetracted(CONTRIBUTION, MAR))
                    .when(new RetractContribution(PROJECT, APR, CONTRIBUTION, "miscoded"))
                    .expectException(violation(Kind.CONFLICT, "contributionId", "already retracted"))
                    .expectNoEvents();
        }
    }
}
