package org.coproduction.timeline.meeting.command;

import static org.coproduction.timeline.project.api.RuleViolationException.conflict;
import static org.coproduction.timeline.project.api.RuleViolationException.notFound;

import com.carrotsearch.hppc.ObjectLongHashMap;
import org.coproduction.timeline.meeting.api.MeetingEvent;
import org.coproduction.timeline.meeting.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.meeting.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.meeting.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.project.command.ProjectState;

/**
 * The meetings and contributions a project has recorded, as far as its rules need them. Each is
 * kept as a 64-bit fingerprint of the event as it was recorded, so that a client's retry of the
 * very same request can be told apart from a different request reusing an identifier.
 *
 * <p>A fingerprint, not the event: a project (and the importer, which judges a whole file with
 * this state) holds every contribution it ever had, and keeping each event whole cost about 300
 * bytes a contribution, enough to fill a 512 MB heap on a million-line import. Two different
 * events under one identifier share a fingerprint with a probability of about 2^-64. The maps hold
 * the fingerprints as primitive longs (about 16 bytes an entry besides the identifier, against 53 for
 * a {@code HashMap<String, Long>}): the importer holds a million-line file's contributions here, and
 * on a 512 MB heap what it keeps live decides how much of the import goes to collections.
 */
public final class MeetingLog {

    private final ObjectLongHashMap<String> meetings = new ObjectLongHashMap<>();
    private final ObjectLongHashMap<String> contributions = new ObjectLongHashMap<>();
    private final ObjectLongHashMap<String> retracted = new ObjectLongHashMap<>();

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
            return sameAs(meetings, held.meetingId(), held);
        } else if (event instanceof ContributionRecorded recorded) {
            return sameAs(contributions, recorded.contributionId(), recorded);
        } else if (event instanceof ContributionRetracted retraction) {
            return sameAs(retracted, retraction.contributionId(), retraction);
        }
        return false;
    }

    private static boolean sameAs(ObjectLongHashMap<String> recorded, String id, MeetingEvent event) {
        int index = recorded.indexOf(id);
        return recorded.indexExists(index) && recorded.indexGet(index) == fingerprint(event);
    }

    /** FNV-1a, 64 bits, over the event's text form: a record's, which names every field and its value. */
    static long fingerprint(MeetingEvent event) {
        String text = event.toString();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
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
            meetings.put(held.meetingId(), fingerprint(held));
        } else if (event instanceof ContributionRecorded recorded) {
            contributions.put(recorded.contributionId(), fingerprint(recorded));
        } else if (event instanceof ContributionRetracted retraction) {
            retracted.putIfAbsent(retraction.contributionId(), fingerprint(retraction));
        }
    }
}
