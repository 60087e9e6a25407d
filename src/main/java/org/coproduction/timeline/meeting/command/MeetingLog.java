package org.coproduction.timeline.meeting.command;

import static org.coproduction.timeline.project.api.RuleViolationException.conflict;
import static org.coproduction.timeline.project.api.RuleViolationException.notFound;

import java.util.HashSet;
import java.util.Set;
import org.coproduction.timeline.meeting.api.MeetingEvent;
import org.coproduction.timeline.meeting.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.meeting.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.meeting.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.project.command.ProjectState;

/** The meetings and contributions a project has recorded, as far as its rules need them. */
public final class MeetingLog {

    private final Set<String> meetings = new HashSet<>();
    private final Set<String> contributions = new HashSet<>();
    private final Set<String> retracted = new HashSet<>();

    public boolean hasMeeting(String meetingId) {
        return meetings.contains(meetingId);
    }

    public boolean hasContribution(String contributionId) {
        return contributions.contains(contributionId);
    }

    public void check(MeetingEvent event, ProjectState project) {
        if (event instanceof MeetingHeld held) {
            if (hasMeeting(held.meetingId())) {
                throw conflict("meetingId", "meeting " + held.meetingId() + " is already recorded");
            }
            for (int i = 0; i < held.attendees().size(); i++) {
                project.team()
                        .requireMemberAt(
                                "attendees[" + i + "]", held.attendees().get(i), held.occurredAt());
            }
        } else if (event instanceof ContributionRecorded recorded) {
            if (!hasMeeting(recorded.meetingId())) {
                throw notFound("meetingId", "meeting " + recorded.meetingId() + " is not recorded");
            }
            if (hasContribution(recorded.contributionId())) {
                throw conflict("contributionId", "contribution " + recorded.contributionId() + " is already recorded");
            }
            project.team().requireMemberAt("memberId", recorded.memberId(), recorded.occurredAt());
            if (recorded.decisionId() != null) {
                project.decisions().requireDecision("decisionId", recorded.decisionId());
            }
        } else if (event instanceof ContributionRetracted retraction) {
            if (!hasContribution(retraction.contributionId())) {
                throw notFound("contributionId", "contribution " + retraction.contributionId() + " is not recorded");
            }
            if (retracted.contains(retraction.contributionId())) {
                throw conflict(
                        "contributionId", "contribution " + retraction.contributionId() + " is already retracted");
            }
        }
    }

    public void evolve(MeetingEvent event) {
        if (event instanceof MeetingHeld held) {
            meetings.add(held.meetingId());
        } else if (event instanceof ContributionRecorded recorded) {
            contributions.add(recorded.contributionId());
        } else if (event instanceof ContributionRetracted retraction) {
            retracted.add(retraction.contributionId());
        }
    }
}
