package org.coproduction.timeline.meeting.api;

import static org.coproduction.timeline.project.api.Require.id;
import static org.coproduction.timeline.project.api.Require.ids;
import static org.coproduction.timeline.project.api.Require.optionalId;
import static org.coproduction.timeline.project.api.Require.optionalText;
import static org.coproduction.timeline.project.api.Require.present;
import static org.coproduction.timeline.project.api.Require.text;
import static org.coproduction.timeline.project.api.Require.time;

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
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("meetingId", meetingId);
            text("title", title);
            present("kind", kind);
            attendees = ids("attendees", attendees, false);
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
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("meetingId", meetingId);
            id("contributionId", contributionId);
            id("memberId", memberId);
            present("category", category);
            optionalId("decisionId", decisionId);
            optionalText("summary", summary);
        }
    }

    record RetractContribution(
            @TargetAggregateIdentifier String projectId, Instant occurredAt, String contributionId, String reason)
            implements MeetingCommand {
        public RetractContribution {
            id("projectId", projectId);
            time("occurredAt", occurredAt);
            id("contributionId", contributionId);
            text("reason", reason);
        }
    }
}
