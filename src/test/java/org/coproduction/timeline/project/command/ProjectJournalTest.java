package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.testing.ProjectSamples.ANN;
import static org.coproduction.timeline.testing.ProjectSamples.APR;
import static org.coproduction.timeline.testing.ProjectSamples.BEN;
import static org.coproduction.timeline.testing.ProjectSamples.CAL;
import static org.coproduction.timeline.testing.ProjectSamples.DECISION;
import static org.coproduction.timeline.testing.ProjectSamples.FEB;
import static org.coproduction.timeline.testing.ProjectSamples.INTERVIEW;
import static org.coproduction.timeline.testing.ProjectSamples.JAN;
import static org.coproduction.timeline.testing.ProjectSamples.JUN;
import static org.coproduction.timeline.testing.ProjectSamples.MAR;
import static org.coproduction.timeline.testing.ProjectSamples.MEETING;
import static org.coproduction.timeline.testing.ProjectSamples.PROJECT;
import static org.coproduction.timeline.testing.ProjectSamples.REFLECTION;
import static org.coproduction.timeline.testing.ProjectSamples.START;
import static org.coproduction.timeline.testing.ProjectSamples.interviewed;
import static org.coproduction.timeline.testing.ProjectSamples.joined;
import static org.coproduction.timeline.testing.ProjectSamples.left;
import static org.coproduction.timeline.testing.ProjectSamples.meetingHeld;
import static org.coproduction.timeline.testing.ProjectSamples.proposed;
import static org.coproduction.timeline.testing.ProjectSamples.reflectionWritten;
import static org.coproduction.timeline.testing.ProjectSamples.registered;
import static org.coproduction.timeline.testing.RuleViolationMatcher.conflict;
import static org.coproduction.timeline.testing.RuleViolationMatcher.notFound;
import static org.coproduction.timeline.testing.RuleViolationMatcher.violation;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.ReflectionCoded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.RuleViolationException.Kind;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The reflective record: reflections and their coding, interviews, withdrawals of consent. */
class ProjectJournalTest {

    private static final String TEXT = "The steering group listened for once.";
    private static final List<String> CODES = List.of("being heard", "tokenism");

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

    private static WriteReflection reflection(String reflectionId, String decisionId, String meetingId) {
        return new WriteReflection(PROJECT, MAR, reflectionId, BEN, TEXT, Visibility.PRIVATE, decisionId, meetingId);
    }

    private static RecordInterview interview(String interviewId) {
        return new RecordInterview(PROJECT, APR, interviewId, BEN, ANN, "On being paid", CODES);
    }

    @Nested
    class WritingReflections {

        @Test
        void canWriteAReflection() {
            givenTeam()
                    .when(reflection(REFLECTION, null, null))
                    .expectEvents(
                            new ReflectionWritten(PROJECT, MAR, REFLECTION, BEN, TEXT, Visibility.PRIVATE, null, null));
        }

        @Test
        void canWriteAReflectionOnADecisionAndAMeeting() {
            givenTeam(proposed(DECISION, ANN, JAN), meetingHeld(MEETING, FEB, ANN, BEN))
                    .when(reflection(REFLECTION, DECISION, MEETING))
                    .expectEvents(new ReflectionWritten(
                            PROJECT, MAR, REFLECTION, BEN, TEXT, Visibility.PRIVATE, DECISION, MEETING));
        }

        @Test
        void givenReflectionWritten_whenSameReflectionIdAgain_thenRejected() {
            givenTeam(reflectionWritten(REFLECTION, ANN, FEB))
                    .when(reflection(REFLECTION, null, null))
                    .expectException(conflict("reflectionId"))
                    .expectNoEvents();
        }

        @Test
        void cannotReflectOnADecisionThatIsNotProposed() {
            givenTeam()
                    .when(reflection(REFLECTION, DECISION, null))
                    .expectException(notFound("decisionId"))
                    .expectNoEvents();
        }

        @Test
        void cannotReflectOnAMeetingThatIsNotRecorded() {
            givenTeam()
                    .when(reflection(REFLECTION, null, MEETING))
                    .expectException(violation(Kind.NOT_FOUND, "meetingId", "meeting " + MEETING + " is not recorded"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CodingReflections {

        @Test
        void canCodeAReflection() {
            givenTeam(reflectionWritten(REFLECTION, BEN, FEB))
                    .when(new CodeReflection(PROJECT, MAR, REFLECTION, CODES, ANN))
                    .expectEvents(new ReflectionCoded(PROJECT, MAR, REFLECTION, CODES, ANN));
        }

        @Test
        void cannotCodeAReflectionThatIsNotRecorded() {
            givenTeam(reflectionWritten(REFLECTION, BEN, FEB))
                    .when(new CodeReflection(PROJECT, MAR, "reflection-9", CODES, ANN))
                    .expectException(violation(Kind.NOT_FOUND, "reflectionId", "reflection reflection-9"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Interviews {

        @Test
        void canRecordAnInterview() {
            givenTeam()
                    .when(interview(INTERVIEW))
                    .expectEvents(new InterviewRecorded(PROJECT, APR, INTERVIEW, BEN, ANN, "On being paid", CODES));
        }

        @Test
        void canRecordAnInterviewWithoutSummaryOrCodes() {
            givenTeam()
                    .when(new RecordInterview(PROJECT, APR, INTERVIEW, BEN, ANN, null, null))
                    .expectEvents(interviewed(INTERVIEW, BEN, ANN, APR));
        }

        @Test
        void givenInterviewRecorded_whenSameInterviewIdAgain_thenRejected() {
            givenTeam(interviewed(INTERVIEW, ANN, BEN, MAR))
                    .when(interview(INTERVIEW))
                    .expectException(conflict("interviewId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class WithdrawingConsent {

        @Test
        void canWithdrawConsent() {
            givenTeam()
                    .when(new WithdrawConsent(PROJECT, APR, BEN))
                    .expectEvents(new ConsentWithdrawn(PROJECT, APR, BEN));
        }

        @Test
        void canWithdrawEverything() {
            givenTeam()
                    .when(new WithdrawConsent(PROJECT, APR, BEN, WithdrawalScope.ALL))
                    .expectEvents(new ConsentWithdrawn(PROJECT, APR, BEN, WithdrawalScope.ALL));
        }

        @Test
        void canWithdrawConsentAfterLeavingTheTeam() {
            givenTeam(left(BEN, MAR))
                    .when(new WithdrawConsent(PROJECT, JUN, BEN))
                    .expectEvents(new ConsentWithdrawn(PROJECT, JUN, BEN));
        }

        @Test
        void afterAWithdrawalNothingMoreIsRecordedAboutTheMemberWhoIsNamedByPseudonymOnly() {
            ConsentWithdrawn withdrawn = new ConsentWithdrawn(PROJECT, APR, BEN);
            givenTeam(withdrawn)
                    .when(new WriteReflection(PROJECT, JUN, "r-late", BEN, TEXT, Visibility.PRIVATE, null, null))
                    .expectException(violation(Kind.CONFLICT, "authorId", "Withdrawn member 1 withdrew consent"))
                    .expectNoEvents();
            givenTeam(withdrawn)
                    .when(new RecordInterview(PROJECT, JUN, "int-late", BEN, ANN, "Later", CODES))
                    .expectException(violation(Kind.CONFLICT, "intervieweeId", "Withdrawn member 1"))
                    .expectNoEvents();
            givenTeam(withdrawn, reflectionWritten(REFLECTION, ANN, FEB))
                    .when(new CodeReflection(PROJECT, JUN, REFLECTION, CODES, BEN))
                    .expectException(violation(Kind.CONFLICT, "codedBy", "Withdrawn member 1"))
                    .expectNoEvents();
            // Even an earlier occurrence, recorded after the withdrawal.
            givenTeam(withdrawn)
                    .when(new WriteReflection(PROJECT, FEB, "r-earlier", BEN, TEXT, Visibility.TEAM, null, null))
                    .expectException(violation(Kind.CONFLICT, "authorId", "Withdrawn member 1"))
                    .expectNoEvents();
            // Someone else goes on as before.
            givenTeam(withdrawn)
                    .when(new WriteReflection(PROJECT, JUN, "r-ann", ANN, TEXT, Visibility.PRIVATE, null, null))
                    .expectEvents(
                            new ReflectionWritten(PROJECT, JUN, "r-ann", ANN, TEXT, Visibility.PRIVATE, null, null));
        }

        @Test
        void pseudonymsFollowTheOrderOfWithdrawalAndAMemberWithdrawsOnce() {
            givenTeam(new ConsentWithdrawn(PROJECT, MAR, ANN), new ConsentWithdrawn(PROJECT, APR, BEN))
                    .when(new WithdrawConsent(PROJECT, JUN, BEN))
                    .expectException(violation(Kind.CONFLICT, "memberId", "Withdrawn member 2 has already withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void cannotWithdrawConsentOfSomeoneWhoNeverJoined() {
            givenTeam()
                    .when(new WithdrawConsent(PROJECT, APR, CAL))
                    .expectException(violation(Kind.NOT_FOUND, "memberId", "member " + CAL + " has not joined"))
                    .expectNoEvents();
        }
    }
}
