package org.coproduction.timeline.meeting.command;

import static org.coproduction.timeline.project.api.RuleViolationException.conflict;
import static org.coproduction.timeline.project.api.RuleViolationException.notFound;

import java.util.HashMap;
import java.util.Map;
import org.coproduction.timeline.meeting.api.MeetingEvent;
import org.coproduction.timeline.meeting.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.meeting.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.meeting.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.project.command.ProjectState;

/**
 * The meetings and contributions a project has recorded, as far as its rules need them. Each is
 * kept as it was recorded, so that a client's retry of the very same request can be told apart
 * from a different request reusing an identifier.
 */
public final class MeetingLog {

    private final Map<String, MeetingHeld> meetings = new HashMap<>();
    private final Map<String, ContributionRecorded> contributions = new HashMap<>();
    private final Map<String, ContributionRetracted> retracted = new HashMap<>();

    public boolean hasMeeting(String meetingId) {
        return meetings.containsKey(meetingId);
    }

    public boolean hasContribution(String contributionId) {
        return contributions.containsKey(contributionId);
    }

    /**
     * Whether {@code event} is already recorded exactly as it stands (same identifier, same
     * content, occurredAt included): the repeat of a request whose answer the client never got.
     * Recording it again would add nothing, so the aggregate answers it as done without a new event.
     * A different event reusing the identifier is not a repeat, and {@link #check} refuses it.
     */
    public boolean isRepeat(MeetingEvent event) {
        if (event instanceof MeetingHeld held) {
            return held.equals(meetings.get(held.meetingId()));
        } else if (event instanceof ContributionRecorded recorded) {
            return recorded.equals(contributions.get(recorded.contributionId()));
        } else if (event instanceof ContributionRetracted retraction) {
            return retraction.equals(retracted.get(retraction.contributionId()));
        }
        return false;
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
            if (retracted.containsKey(retraction.contributionId())) {
                throw conflict(
                        "contributionId", "contribution " + retraction.contributionId() + " is already retracted");
            }
        }
    }

    public void evolve(MeetingEvent event) {
        if (event instanceof MeetingHeld held) {
            meetings.put(held.meetingId(), held);
        } else if (event instanceof ContributionRecorded recorded) {
            contributions.put(recorded.contributionId(), recorded);
        } else if (event instanceof ContributionRetracted retraction) {
            retracted.putIfAbsent(retraction.contributionId(), retraction);
        }
    }
}
