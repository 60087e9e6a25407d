package org.coproduction.timeline.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A meeting, the coded turns of its discussion, and corrections of that coding. */
public sealed interface MeetingEvent extends ProjectEvent {

    record MeetingHeld(
            String projectId,
            Instant occurredAt,
            String meetingId,
            String title,
            MeetingKind kind,
            List<String> attendees)
            implements MeetingEvent {
        public MeetingHeld {
            attendees = List.copyOf(attendees);
        }
    }

    record ContributionRecorded(
            String projectId,
            Instant occurredAt,
            String meetingId,
            String contributionId,
            String memberId,
            IpaCategory category,
            String decisionId,
            String summary)
            implements MeetingEvent {}

    /**
     * A turn of a meeting's transcript: who spoke, when, and what they said (personal text, sealed
     * under the speaker's key). It counts nowhere until it is coded: its coding is a {@link
     * ContributionRecorded} whose {@code contributionId} is the turn's id (or {@code <turnId>:2},
     * {@code :3}... for a coding after a retracted one), dated when it was said.
     */
    record TurnTranscribed(
            String projectId, Instant occurredAt, String meetingId, String turnId, String memberId, String text)
            implements MeetingEvent {

        /** The id of a turn's n-th coding: the turn's own for the first, {@code <turnId>:n} after. */
        public static String codingId(String turnId, int n) {
            return n <= 1 ? turnId : turnId + ":" + n;
        }

        /**
         * The turn a contribution id codes ({@code <turnId>} or {@code <turnId>:n}), if it names one of
         * the turns {@code isTurn} knows.
         */
        public static Optional<String> turnCodedBy(String contributionId, Predicate<String> isTurn) {
            if (isTurn.test(contributionId)) {
                return Optional.of(contributionId);
            }
            int colon = contributionId.lastIndexOf(':');
            return colon > 0 && isTurn.test(contributionId.substring(0, colon))
                    ? Optional.of(contributionId.substring(0, colon))
                    : Optional.empty();
        }
    }

    /** A correction of the record: once known, the contribution counts as never having existed. */
    record ContributionRetracted(String projectId, Instant occurredAt, String contributionId, String reason)
            implements MeetingEvent {}
}
