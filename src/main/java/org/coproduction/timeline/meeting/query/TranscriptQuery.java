package org.coproduction.timeline.meeting.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
import org.coproduction.timeline.api.MeetingEvent.TurnTranscribed;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.stereotype.Component;

/**
 * A meeting's transcribed turns, in the order they were said, each with its speaker, its words
 * (opened for the team; gone once the speaker withdrew consent) and its coding as it stands: the
 * latest contribution coding it ({@code <turnId>} or {@code <turnId>:n}) that is not retracted.
 * Read from the project's events as they are now, for the screen that codes them.
 */
@Component
public class TranscriptQuery {

    /** A turn's coding: the contribution that records it. */
    public record Coding(String contributionId, IpaCategory category, String decisionId) {}

    /** One turn. {@code text} is null and {@code textWithdrawn} true once its speaker withdrew. */
    public record Turn(
            String turnId,
            String memberId,
            String name,
            Instant occurredAt,
            String text,
            boolean textWithdrawn,
            Coding coding) {}

    public record Transcript(String projectId, String meetingId, String title, Instant heldAt, List<Turn> turns) {}

    private final EventStore eventStore;
    private final Sealing sealing;

    TranscriptQuery(EventStore eventStore, Sealing sealing) {
        this.eventStore = eventStore;
        this.sealing = sealing;
    }

    public Transcript transcript(String projectId, String meetingId) {
        DomainEventStream stream = eventStore.readEvents(projectId);
        if (!stream.hasNext()) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
        MeetingHeld meeting = null;
        Map<String, String> names = new HashMap<>();
        Map<String, Turn> turns = new LinkedHashMap<>();
        Map<String, String> turnOfCoding = new HashMap<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            String eventId = RecordedTime.eventId(message);
            if (event instanceof MemberJoined joined) {
                names.put(joined.memberId(), sealing.name(projectId, joined.memberId(), eventId, joined.name()));
            } else if (event instanceof MeetingHeld held && held.meetingId().equals(meetingId)) {
                meeting = held;
            } else if (event instanceof TurnTranscribed t && t.meetingId().equals(meetingId)) {
                String text =
                        sealing.open(projectId, t.memberId(), eventId, t.text()).orElse(null);
                turns.put(
                        t.turnId(), new Turn(t.turnId(), t.memberId(), null, t.occurredAt(), text, text == null, null));
            } else if (event instanceof ContributionRecorded c && c.meetingId().equals(meetingId)) {
                String turnId = TurnTranscribed.turnCodedBy(c.contributionId(), turns::containsKey)
                        .orElse(null);
                if (turnId != null) {
                    turnOfCoding.put(c.contributionId(), turnId);
                    turns.computeIfPresent(
                            turnId,
                            (id, turn) -> with(turn, new Coding(c.contributionId(), c.category(), c.decisionId())));
                }
            } else if (event instanceof ContributionRetracted r && turnOfCoding.containsKey(r.contributionId())) {
                turns.computeIfPresent(
                        turnOfCoding.get(r.contributionId()),
                        (id, turn) -> turn.coding() != null
                                        && turn.coding().contributionId().equals(r.contributionId())
                                ? with(turn, null)
                                : turn);
            }
        }
        if (meeting == null) {
            throw RuleViolationException.notFound("meetingId", "meeting " + meetingId + " is not recorded");
        }
        List<Turn> named = new ArrayList<>();
        for (Turn turn : turns.values()) {
            String name = names.containsKey(turn.memberId())
                    ? names.get(turn.memberId())
                    : sealing.withdrawnName(projectId, turn.memberId());
            named.add(new Turn(
                    turn.turnId(),
                    turn.memberId(),
                    name,
                    turn.occurredAt(),
                    turn.text(),
                    turn.textWithdrawn(),
                    turn.coding()));
        }
        return new Transcript(projectId, meetingId, meeting.title(), meeting.occurredAt(), named);
    }

    private static Turn with(Turn turn, Coding coding) {
        return new Turn(
                turn.turnId(),
                turn.memberId(),
                turn.name(),
                turn.occurredAt(),
                turn.text(),
                turn.textWithdrawn(),
                coding);
    }
}
