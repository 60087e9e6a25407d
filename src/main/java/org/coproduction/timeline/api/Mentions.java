package org.coproduction.timeline.api;

import java.util.ArrayList;
import java.util.List;

/** The members an event speaks of, in the order its fields name them, without repeats. */
public final class Mentions {

    private Mentions() {}

    public static List<String> membersOf(ProjectEvent event) {
        List<String> ids = new ArrayList<>(2);
        if (event instanceof LifecycleEvent.MemberJoined e) {
            ids.add(e.memberId());
        } else if (event instanceof LifecycleEvent.MemberRoleChanged e) {
            ids.add(e.memberId());
        } else if (event instanceof LifecycleEvent.MemberLeft e) {
            ids.add(e.memberId());
        } else if (event instanceof MeetingEvent.MeetingHeld e) {
            ids.addAll(e.attendees());
        } else if (event instanceof MeetingEvent.ContributionRecorded e) {
            ids.add(e.memberId());
        } else if (event instanceof MeetingEvent.TurnTranscribed e) {
            ids.add(e.memberId());
        } else if (event instanceof DecisionEvent.DecisionProposed e) {
            ids.add(e.proposedBy());
        } else if (event instanceof DecisionEvent.InfluenceRecorded e) {
            ids.add(e.memberId());
        } else if (event instanceof DecisionEvent.DecisionMade e) {
            ids.addAll(e.decidedBy());
        } else if (event instanceof JournalEvent.ReflectionWritten e) {
            ids.add(e.authorId());
        } else if (event instanceof JournalEvent.ReflectionCoded e) {
            ids.add(e.codedBy());
        } else if (event instanceof JournalEvent.PassageCoded e) {
            ids.add(e.codedBy());
        } else if (event instanceof JournalEvent.InterviewRecorded e) {
            ids.add(e.intervieweeId());
            ids.add(e.interviewerId());
        } else if (event instanceof JournalEvent.Gripp2ItemWritten e) {
            ids.addAll(e.authors());
        } else if (event instanceof CodebookEvent e) {
            ids.add(e.changedBy());
        } else if (event instanceof JournalEvent.ConsentWithdrawn e) {
            ids.add(e.memberId());
        }
        return ids.stream().distinct().toList();
    }
}
