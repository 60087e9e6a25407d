package org.coproduction.timeline.testing;

import java.time.Instant;
import java.util.List;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalEvent.InterviewRecorded;
import org.coproduction.timeline.api.JournalEvent.ReflectionWritten;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectClosed;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.api.Visibility;

/**
 * Fixed ids, dates and events of one sample study, so a test's {@code given} reads as a short
 * history. Every factory fills the fields a test does not care about with the same fixed values.
 */
public final class ProjectSamples {

    public static final String PROJECT = "study-1";
    public static final String OTHER_PROJECT = "study-2";
    public static final String TITLE = "Peer support in early intervention";

    /** Registration and the founding members' joining. */
    public static final Instant START = Instant.parse("2021-01-04T09:00:00Z");

    public static final Instant JAN = Instant.parse("2021-01-11T10:00:00Z");
    public static final Instant FEB = Instant.parse("2021-02-08T10:00:00Z");
    public static final Instant MAR = Instant.parse("2021-03-08T10:00:00Z");
    public static final Instant APR = Instant.parse("2021-04-12T10:00:00Z");
    public static final Instant MAY = Instant.parse("2021-05-10T10:00:00Z");
    public static final Instant JUN = Instant.parse("2021-06-14T10:00:00Z");
    public static final Instant DEC = Instant.parse("2021-12-13T10:00:00Z");

    public static final String ANN = "ann";
    public static final String BEN = "ben";
    /** Never joins the sample study. */
    public static final String CAL = "cal";

    public static final String MEETING = "meeting-1";
    public static final String CONTRIBUTION = "contribution-1";
    public static final String DECISION = "decision-1";
    public static final String INFLUENCE = "influence-1";
    public static final String REFLECTION = "reflection-1";
    public static final String INTERVIEW = "interview-1";

    public static final String ROLE = "RESEARCHER";
    public static final List<String> PERSPECTIVES = List.of("ACADEMIC");

    private ProjectSamples() {}

    public static ProjectRegistered registered() {
        return new ProjectRegistered(PROJECT, START, TITLE, null, null);
    }

    public static PhaseStarted phaseStarted(String phaseId, Instant at) {
        return new PhaseStarted(PROJECT, at, phaseId, "Phase " + phaseId);
    }

    public static ProjectClosed closed(Instant at) {
        return new ProjectClosed(PROJECT, at);
    }

    public static MemberJoined joined(String memberId, Instant at) {
        return new MemberJoined(PROJECT, at, memberId, nameOf(memberId), ROLE, PERSPECTIVES);
    }

    public static MemberLeft left(String memberId, Instant at) {
        return new MemberLeft(PROJECT, at, memberId);
    }

    public static MeetingHeld meetingHeld(String meetingId, Instant at, String... attendees) {
        return new MeetingHeld(PROJECT, at, meetingId, "Team meeting", MeetingKind.TEAM, List.of(attendees));
    }

    public static ContributionRecorded contributed(
            String contributionId, String meetingId, String memberId, Instant at) {
        return new ContributionRecorded(
                PROJECT, at, meetingId, contributionId, memberId, IpaCategory.GIVES_SUGGESTION, null, null);
    }

    public static ContributionRetracted contributionRetracted(String contributionId, Instant at) {
        return new ContributionRetracted(PROJECT, at, contributionId, "coded against the wrong speaker");
    }

    public static DecisionProposed proposed(String decisionId, String proposedBy, Instant at) {
        return new DecisionProposed(PROJECT, at, decisionId, "Pay peer researchers", proposedBy);
    }

    public static InfluenceRecorded influenced(String influenceId, String decisionId, String memberId, Instant at) {
        return new InfluenceRecorded(
                PROJECT, at, decisionId, influenceId, memberId, InfluenceKind.SUPPORTED, null, null, null);
    }

    public static InfluenceRetracted influenceRetracted(String influenceId, String decisionId, Instant at) {
        return new InfluenceRetracted(PROJECT, at, decisionId, influenceId, "recorded twice");
    }

    public static DecisionMade made(String decisionId, Instant at, String... decidedBy) {
        return new DecisionMade(
                PROJECT, at, decisionId, "Peer researchers are paid", DecisionMethod.CONSENSUS, List.of(decidedBy));
    }

    public static ReflectionWritten reflectionWritten(String reflectionId, String authorId, Instant at) {
        return new ReflectionWritten(
                PROJECT, at, reflectionId, authorId, "I felt heard today.", Visibility.TEAM, null, null);
    }

    public static InterviewRecorded interviewed(
            String interviewId, String intervieweeId, String interviewerId, Instant at) {
        return new InterviewRecorded(PROJECT, at, interviewId, intervieweeId, interviewerId, null, null);
    }

    private static String nameOf(String memberId) {
        return Character.toUpperCase(memberId.charAt(0)) + memberId.substring(1);
    }
}
