package org.coproduction.timeline.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Requests to record meetings and their coded contributions. */
public sealed interface MeetingCommand {

    record HoldMeeting(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String meetingId,
            String title,
            MeetingKind kind,
            List<String> attendees)
            implements MeetingCommand {
        public HoldMeeting {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("meetingId", meetingId);
            fields.text("title", title);
            fields.present("kind", kind);
            attendees = fields.ids("attendees", attendees, false);
            fields.done();
        }
    }

    record RecordContribution(
            @TargetAggregateIdentifier String projectId,
            Instant occurredAt,
            String meetingId,
            String contributionId,
            String memberId,
            IpaCategory category,
            String decisionId,
            String summary)
            implements MeetingCommand {
        public RecordContribution {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("meetingId", meetingId);
            fields.id("contributionId", contributionId);
            fields.id("memberId", memberId);
            fields.present("category", category);
            fields.optionalId("decisionId", decisionId);
            fields.optionalText("summary", summary);
            fields.done();
        }
    }

    /**
     * A meeting's transcript, turn by turn, each turn with the line of the file it starts on: every
     * turn recorded ({@code TurnTranscribed}), or, if one breaks a rule, none.
     */
    record TranscribeMeeting(@TargetAggregateIdentifier String projectId, String meetingId, List<Turn> turns)
            implements MeetingCommand {
        public TranscribeMeeting {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.id("meetingId", meetingId);
            fields.present("turns", turns);
            if (turns != null && turns.isEmpty()) {
                fields.invalid("turns", "the transcript holds no turn");
            }
            fields.done();
            turns = List.copyOf(turns);
        }

        /**
         * One speaker's turn: the member it is mapped to, when it began (from the meeting's start, as
         * the transcript's times are), what was said.
         */
        public record Turn(String turnId, String memberId, Duration at, String text, int line) {
            public Turn {
                Require.Fields fields = new Require.Fields();
                fields.id("turnId", turnId);
                fields.id("memberId", memberId);
                fields.present("at", at);
                fields.text("text", text);
                fields.done();
            }
        }
    }

    /**
     * Codes a transcribed turn with an IPA category (and, if it was about one, a decision): recorded
     * as the turn's contribution, by its speaker, at the time it was said.
     */
    record CodeTurn(@TargetAggregateIdentifier String projectId, String turnId, IpaCategory category, String decisionId)
            implements MeetingCommand {
        public CodeTurn {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.id("turnId", turnId);
            fields.present("category", category);
            fields.optionalId("decisionId", decisionId);
            fields.done();
        }
    }

    record RetractContribution(
            @TargetAggregateIdentifier String projectId, Instant occurredAt, String contributionId, String reason)
            implements MeetingCommand {
        public RetractContribution {
            Require.Fields fields = new Require.Fields();
            fields.id("projectId", projectId);
            fields.time("occurredAt", occurredAt);
            fields.id("contributionId", contributionId);
            fields.text("reason", reason);
            fields.done();
        }
    }
}
