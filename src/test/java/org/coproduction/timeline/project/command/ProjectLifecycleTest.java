package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.DEC;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.MAY;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PERSPECTIVES;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.ROLE;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.TITLE;
import static org.coproduction.timeline.testing.ProjectSamples.closed;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.left;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.phaseStarted;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.conflict;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;
import static org.hamcrest.Matchers.instanceOf;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
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
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The project's own life and its team: registration, phases, closure, joining, role changes,
 * leaving. Refusals of a member reference (role change or leaving of a non-member included) are
 * tried for every such field in {@link ProjectMembershipReferencesTest}.
 */
class ProjectLifecycleTest {

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Nested
    class Registration {

        @Test
        void canRegisterAProject() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProject(PROJECT, START, TITLE, "A coproduced study", "NIHR"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProjectRegistered(PROJECT, START, TITLE, "A coproduced study", "NIHR"));
        }

        @Test
        void givenRegistered_whenRegisterAgain_thenRejectedAsConflict() {
            fixture.given(registered())
                    .when(new RegisterProject(PROJECT, JAN, TITLE, null, null))
                    .expectException(conflict("projectId"))
                    .expectNoEvents();
        }

        @Test
        void givenRegistered_whenRegisterAgain_thenRefusedAndNothingStored() {
            fixture.given(registered())
                    .when(new RegisterProject(PROJECT, JAN, TITLE, null, null))
                    .expectException(instanceOf(Exception.class))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordAnythingForAnUnregisteredProject() {
            fixture.givenNoPriorActivity()
                    .when(new StartPhase(PROJECT, JAN, "p1", "Scoping"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Phases {

        @Test
        void canStartAPhase() {
            fixture.given(registered())
                    .when(new StartPhase(PROJECT, JAN, "p1", "Scoping"))
                    .expectEvents(new PhaseStarted(PROJECT, JAN, "p1", "Scoping"));
        }

        @Test
        void givenPhaseStarted_whenNextPhaseStartsLater_thenAccepted() {
            fixture.given(registered(), phaseStarted("p1", JAN))
                    .when(new StartPhase(PROJECT, MAR, "p2", "Fieldwork"))
                    .expectEvents(new PhaseStarted(PROJECT, MAR, "p2", "Fieldwork"));
        }

        @Test
        void givenPhaseStarted_whenNextPhaseStartsAtTheSameInstant_thenAccepted() {
            fixture.given(registered(), phaseStarted("p1", MAR))
                    .when(new StartPhase(PROJECT, MAR, "p2", "Fieldwork"))
                    .expectEvents(new PhaseStarted(PROJECT, MAR, "p2", "Fieldwork"));
        }

        @Test
        void givenPhaseStartedInMarch_whenPhaseStartsInFebruary_thenRejected() {
            fixture.given(registered(), phaseStarted("p1", JAN), phaseStarted("p2", MAR))
                    .when(new StartPhase(PROJECT, FEB, "p3", "Analysis"))
                    .expectException(violation(Kind.CONFLICT, "occurredAt", "phases start in order"))
                    .expectNoEvents();
        }

        @Test
        void givenPhaseStarted_whenSamePhaseIdStartsAgain_thenRejected() {
            fixture.given(registered(), phaseStarted("p1", JAN))
                    .when(new StartPhase(PROJECT, MAR, "p1", "Scoping again"))
                    .expectException(conflict("phaseId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void canCloseAProject() {
            fixture.given(registered())
                    .when(new CloseProject(PROJECT, DEC))
                    .expectEvents(new ProjectClosed(PROJECT, DEC));
        }

        @Test
        void givenClosed_whenCloseAgainLater_thenRejected() {
            fixture.given(registered(), closed(JUN))
                    .when(new CloseProject(PROJECT, DEC))
                    .expectException(conflict("occurredAt"))
                    .expectNoEvents();
        }

        @Test
        void givenClosed_whenCloseAgainAtTheSameInstant_thenRejected() {
            fixture.given(registered(), closed(JUN))
                    .when(new CloseProject(PROJECT, JUN))
                    .expectException(violation(Kind.CONFLICT, "occurredAt", "was closed at " + JUN))
                    .expectNoEvents();
        }

        @Test
        void givenClosed_whenSomethingHappensLater_thenRejected() {
            fixture.given(registered(), joined(ANN, START), closed(JUN))
                    .when(new HoldMeeting(PROJECT, DEC, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN)))
                    .expectException(violation(Kind.CONFLICT, "occurredAt", "was closed at " + JUN))
                    .expectNoEvents();
        }

        @Test
        void givenClosed_whenSomethingIsRecordedAtTheClosingInstant_thenAccepted() {
            fixture.given(registered(), joined(ANN, START), closed(JUN))
                    .when(new HoldMeeting(PROJECT, JUN, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN)))
                    .expectEvents(meetingHeld(MEETING, JUN, ANN));
        }

        @Test
        void givenClosed_whenSomethingEarlierIsRecordedLate_thenAccepted() {
            fixture.given(registered(), joined(ANN, START), closed(JUN))
                    .when(new HoldMeeting(PROJECT, MAR, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN)))
                    .expectEvents(meetingHeld(MEETING, MAR, ANN));
        }

        @Test
        void givenMeetingInMay_whenClosedInMarch_thenRejected() {
            fixture.given(registered(), joined(ANN, START), meetingHeld(MEETING, MAY, ANN))
                    .when(new CloseProject(PROJECT, MAR))
                    .expectException(conflict("occurredAt"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Joining {

        @Test
        void canJoinAMember() {
            fixture.given(registered())
                    .when(new JoinMember(PROJECT, JAN, ANN, "Ann", "CHIEF_INVESTIGATOR", List.of("ACADEMIC", "CARER")))
                    .expectEvents(new MemberJoined(
                            PROJECT, JAN, ANN, "Ann", "CHIEF_INVESTIGATOR", List.of("ACADEMIC", "CARER")));
        }

        @Test
        void givenMemberOnTheTeam_whenJoinAgainLater_thenRejected() {
            fixture.given(registered(), joined(ANN, JAN))
                    .when(new JoinMember(PROJECT, MAR, ANN, "Ann", ROLE, PERSPECTIVES))
                    .expectException(violation(Kind.CONFLICT, "memberId", "already on the team"))
                    .expectNoEvents();
        }

        @Test
        void givenMemberJoinedInMarch_whenJoinRecordedForJanuary_thenRejected() {
            fixture.given(registered(), joined(ANN, MAR))
                    .when(new JoinMember(PROJECT, JAN, ANN, "Ann", ROLE, PERSPECTIVES))
                    .expectException(conflict("memberId"))
                    .expectNoEvents();
        }

        @Test
        void givenMemberLeft_whenRejoinLater_thenAccepted() {
            fixture.given(registered(), joined(ANN, JAN), left(ANN, MAR))
                    .when(new JoinMember(PROJECT, MAY, ANN, "Ann", ROLE, PERSPECTIVES))
                    .expectEvents(joined(ANN, MAY));
        }

        @Test
        void givenMemberLeft_whenRejoinAtTheInstantOfLeaving_thenAccepted() {
            fixture.given(registered(), joined(ANN, JAN), left(ANN, MAR))
                    .when(new JoinMember(PROJECT, MAR, ANN, "Ann", ROLE, PERSPECTIVES))
                    .expectEvents(joined(ANN, MAR));
        }

        @Test
        void givenMemberLeftInMarch_whenRejoinRecordedForFebruary_thenRejected() {
            fixture.given(registered(), joined(ANN, JAN), left(ANN, MAR))
                    .when(new JoinMember(PROJECT, FEB, ANN, "Ann", ROLE, PERSPECTIVES))
                    .expectException(conflict("memberId"))
                    .expectNoEvents();
        }

        @Test
        void givenMemberRejoined_whenJoinAgain_thenRejected() {
            fixture.given(registered(), joined(ANN, JAN), left(ANN, FEB), joined(ANN, MAR))
                    .when(new JoinMember(PROJECT, MAY, ANN, "Ann", ROLE, PERSPECTIVES))
                    .expectException(conflict("memberId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RoleChanges {

        @Test
        void canChangeAMembersRole() {
            fixture.given(registered(), joined(BEN, JAN))
                    .when(new ChangeMemberRole(
                            PROJECT, APR, BEN, "PEER_WORKER", List.of("SERVICE_USER", "PEER_WORKER")))
                    .expectEvents(new MemberRoleChanged(
                            PROJECT, APR, BEN, "PEER_WORKER", List.of("SERVICE_USER", "PEER_WORKER")));
        }

        @Test
        void canChangeRoleAtTheInstantOfJoining() {
            fixture.given(registered(), joined(BEN, JAN))
                    .when(new ChangeMemberRole(PROJECT, JAN, BEN, "PEER_WORKER", PERSPECTIVES))
                    .expectEvents(new MemberRoleChanged(PROJECT, JAN, BEN, "PEER_WORKER", PERSPECTIVES));
        }
    }

    @Nested
    class Leaving {

        @Test
        void canRecordThatAMemberLeft() {
            fixture.given(registered(), joined(BEN, JAN))
                    .when(new RecordMemberLeft(PROJECT, APR, BEN))
                    .expectEvents(new MemberLeft(PROJECT, APR, BEN));
        }

        @Test
        void givenMemberLeft_whenLeaveAgainLater_thenRejected() {
            fixture.given(registered(), joined(BEN, JAN), left(BEN, MAR))
                    .when(new RecordMemberLeft(PROJECT, MAY, BEN))
                    .expectException(violation(Kind.CONFLICT, "memberId", "was not on the team"))
                    .expectNoEvents();
        }

        @Test
        void givenMemberLeftInMarch_whenLeaveRecordedForFebruary_thenRejected() {
            fixture.given(registered(), joined(BEN, JAN), left(BEN, MAR))
                    .when(new RecordMemberLeft(PROJECT, FEB, BEN))
                    .expectException(violation(Kind.CONFLICT, "memberId", "has already left"))
                    .expectNoEvents();
        }

        @Test
        void givenMemberLeftAndRejoined_whenLeaveAgain_thenAccepted() {
            fixture.given(registered(), joined(BEN, JAN), left(BEN, FEB), joined(BEN, MAR))
                    .when(new RecordMemberLeft(PROJECT, MAY, BEN))
                    .expectEvents(new MemberLeft(PROJECT, MAY, BEN));
        }

        @Test
        void cannotRecordThatSomeoneWhoNeverJoinedLeft() {
            fixture.given(registered())
                    .when(new RecordMemberLeft(PROJECT, MAY, BEN))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("member " + BEN + " has not joined the project")
                    .expectException(violation(Kind.NOT_FOUND, "memberId"))
                    .expectNoEvents();
        }
    }

    /** A membership is half-open: it covers the instant of joining, not the instant of leaving. */
    @Nested
    class MembershipBoundaries {

        @Test
        void givenMemberLeft_whenReferencedAtTheInstantOfLeaving_thenRejected() {
            fixture.given(registered(), joined(ANN, JAN), joined(BEN, JAN), left(BEN, MAR))
                    .when(new HoldMeeting(PROJECT, MAR, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN, BEN)))
                    .expectException(violation(Kind.CONFLICT, "attendees[1]", "was not on the team at " + MAR))
                    .expectNoEvents();
        }

        @Test
        void givenMemberJoined_whenReferencedAtTheInstantOfJoining_thenAccepted() {
            fixture.given(registered(), joined(ANN, JAN), joined(BEN, MAR))
                    .when(new HoldMeeting(PROJECT, MAR, MEETING, "Team meeting", MeetingKind.TEAM, List.of(ANN, BEN)))
                    .expectEvents(meetingHeld(MEETING, MAR, ANN, BEN));
        }
    }
}
