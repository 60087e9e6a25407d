package org.coproduction.timeline.meeting.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coproduction.timeline.project.api.Require;

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
