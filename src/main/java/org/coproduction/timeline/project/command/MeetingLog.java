package org.coproduction.timeline.project.command;

import static org.coproduction.timeline.api.RuleViolationException.conflict;
import static org.coproduction.timeline.api.RuleViolationException.notFound;

import com.carrotsearch.hppc.ObjectLongHashMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduction.timeline.api.MeetingEvent;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;

/**
 * The meetings and contributions a project has recorded, as far as its rules need them. Each is
 * kept as a 64-bit fingerprint of the event as it was recorded, so that a client's retry of the
 * very same request can be told apart from a different request reusing an identifier.
 *
 * <p>A fingerprint, not the event: a project (and the importer, which judges a whole file with this
 * state) holds every contribution it ever had, and keeping each event whole filled the heap on a
 * large import. Two different events under one identifier share a fingerprint with a probability of
 * about 2^-64. The maps hold the fingerprints as primitive longs, without the boxed {@code Long}
 * and the entry object of a {@code HashMap<String, Long>}: the importer holds a large file's
 * contributions here, and on a bounded heap what it keeps live decides how much of the import goes
 * to collections.
 */
public final class MeetingLog {

    /** What the meeting rules need from the rest of the project. */
    public interface Facts {
        Team team();

        /** Throws {@code notFound(field)} unless the decision is proposed. */
        void requireDecision(String field, String decisionId);
    }

    private final ObjectLongHashMap<String> meetings = new ObjectLongHashMap<>();
    private final ObjectLongHashMap<String> contributions = new ObjectLongHashMap<>();
    private final ObjectLongHashMap<String> retracted = new ObjectLongHashMap<>();
    /** When each meeting was held: its transcript's times count from it, and its turns fall on its day. */
    private final Map<String, Instant> meetingStarts = new HashMap<>();
    /** Transcribed turns by id; transcripts are meeting-sized, not import-sized, so kept whole. */
    private final Map<String, Turn> turns = new HashMap<>();
    /** The meetings with a transcript: a meeting has one, brought in whole by one command. */
    private final Set<String> transcribed = new HashSet<>();

    /**
     * A transcribed turn as its codings need it, with how many codings it has had and whether the
     * latest stands (was not retracted).
     */
    public record Turn(String meetingId, String memberId, Instant occurredAt, int codings, boolean coded) {

        /** The contribution id of the turn's latest coding, or of its next one when {@code next}. */
        public String codingId(String turnId, boolean next) {
            return TurnTranscribed.codingId(turnId, next ? codings + 1 : codings);
        }
    }

    /** When the meeting was held, if it is recorded. */
    public Optional<Instant> meetingStart(String meetingId) {
        return Optional.ofNullable(meetingStarts.get(meetingId));
    }

    /** The transcribed turn, if there is one by that id. */
    public Optional<Turn> turn(String turnId) {
        return Optional.ofNullable(turns.get(turnId));
    }

    /** The turn a contribution id codes ({@code <turnId>} or {@code <turnId>:n}), if it names one. */
    private Optional<Map.Entry<String, Turn>> turnCodedBy(String contributionId) {
        return TurnTranscribed.turnCodedBy(contributionId, turns::containsKey)
                .map(turnId -> Map.entry(turnId, turns.get(turnId)));
    }

    public boolean hasMeeting(String meetingId) {
        return meetings.containsKey(meetingId);
    }

    public boolean hasContribution(String contributionId) {
        return contributions.containsKey(contributionId);
    }

    /** Whether the meeting's transcript is recorded (a meeting has one; docs/events.md, TranscribeMeeting). */
    public boolean hasTranscript(String meetingId) {
        return transcribed.contains(meetingId);
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

    public void check(MeetingEvent event, Facts project) {
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
                project.requireDecision("decisionId", recorded.decisionId());
            }
            turnCodedBy(recorded.contributionId()).ifPresent(turn -> checkTurnCoding(recorded, turn));
        } else if (event instanceof TurnTranscribed turn) {
            if (turns.containsKey(turn.turnId()) || hasContribution(turn.turnId())) {
                throw conflict("turnId", "turn " + turn.turnId() + " is already recorded");
            }
            LocalDate day = meetingStart(turn.meetingId())
                    .orElseThrow(() -> notFound("meetingId", "meeting " + turn.meetingId() + " is not recorded"))
                    .atOffset(ZoneOffset.UTC)
                    .toLocalDate();
            if (!turn.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().equals(day)) {
                throw conflict(
                        "occurredAt",
                        "the turn at " + turn.occurredAt() + " is not on the meeting's day, " + day + " (UTC)");
            }
            project.team().requireMemberAt("memberId", turn.memberId(), turn.occurredAt());
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

    /**
     * A coding of a transcribed turn is the turn's: same meeting, speaker and time, its id the turn's
     * next coding id, and the turn not coded already (a coding is corrected by retracting it first).
     */
    private static void checkTurnCoding(ContributionRecorded recorded, Map.Entry<String, Turn> coded) {
        String turnId = coded.getKey();
        Turn turn = coded.getValue();
        if (!recorded.meetingId().equals(turn.meetingId())
                || !recorded.memberId().equals(turn.memberId())
                || !recorded.occurredAt().equals(turn.occurredAt())) {
            throw conflict(
                    "contributionId",
                    "contribution " + recorded.contributionId() + " codes turn " + turnId
                            + " and must have its meeting, speaker and time");
        }
        if (turn.coded()) {
            throw conflict(
                    "contributionId", "turn " + turnId + " is coded already: retract its coding to code it again");
        }
        if (!recorded.contributionId().equals(turn.codingId(turnId, true))) {
            throw conflict(
                    "contributionId",
                    "turn " + turnId + "'s next coding is " + turn.codingId(turnId, true) + ", not "
                            + recorded.contributionId());
        }
    }

    public void evolve(MeetingEvent event) {
        if (event instanceof MeetingHeld held) {
            meetings.put(held.meetingId(), fingerprint(held));
            meetingStarts.put(held.meetingId(), held.occurredAt());
        } else if (event instanceof ContributionRecorded recorded) {
            contributions.put(recorded.contributionId(), fingerprint(recorded));
            turnCodedBy(recorded.contributionId())
                    .ifPresent(coded -> turns.put(
                            coded.getKey(),
                            new Turn(
                                    coded.getValue().meetingId(),
                                    coded.getValue().memberId(),
                                    coded.getValue().occurredAt(),
                                    coded.getValue().codings() + 1,
                                    true)));
        } else if (event instanceof ContributionRetracted retraction) {
            retracted.putIfAbsent(retraction.contributionId(), fingerprint(retraction));
            turnCodedBy(retraction.contributionId())
                    .filter(coded ->
                            retraction.contributionId().equals(coded.getValue().codingId(coded.getKey(), false)))
                    .ifPresent(coded -> turns.put(
                            coded.getKey(),
                            new Turn(
                                    coded.getValue().meetingId(),
                                    coded.getValue().memberId(),
                                    coded.getValue().occurredAt(),
                                    coded.getValue().codings(),
                                    false)));
        } else if (event instanceof TurnTranscribed turn) {
            turns.put(turn.turnId(), new Turn(turn.meetingId(), turn.memberId(), turn.occurredAt(), 0, false));
            transcribed.add(turn.meetingId());
        }
    }
}
