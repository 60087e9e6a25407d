package org.coproduction.timeline.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.MeetingCommand.HoldMeeting;
import org.coproduction.timeline.api.MeetingCommand.RecordContribution;
import org.coproduction.timeline.api.MeetingCommand.RetractContribution;
import org.coproduction.timeline.api.MeetingKind;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records meetings and the coded turns of their discussion. */
@RestController
@RequestMapping("/api/projects/{projectId}")
@Tag(name = "Meetings")
class MeetingController {

    private final CommandGateway commands;
    private final RequestDefaults defaults;

    MeetingController(CommandGateway commands, RequestDefaults defaults) {
        this.commands = commands;
        this.defaults = defaults;
    }

    record HoldMeetingRequest(
            String meetingId, String occurredAt, String title, MeetingKind kind, List<String> attendees) {}

    record RecordContributionRequest(
            String contributionId,
            String occurredAt,
            String memberId,
            IpaCategory category,
            String decisionId,
            String summary) {}

    record RetractionRequest(String occurredAt, String reason) {}

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a meeting with its attendees (MeetingHeld)")
    RecordedResponse hold(@PathVariable String projectId, @RequestBody HoldMeetingRequest r) {
        String meetingId = defaults.idOr(r.meetingId(), "meeting");
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new HoldMeeting(projectId, at, meetingId, r.title(), r.kind(), r.attendees())));
        return new RecordedResponse(projectId, meetingId);
    }

    @PostMapping("/meetings/{meetingId}/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one coded turn of a meeting (ContributionRecorded)")
    RecordedResponse contribute(
            @PathVariable String projectId, @PathVariable String meetingId, @RequestBody RecordContributionRequest r) {
        String contributionId = defaults.idOr(r.contributionId(), "contribution");
        commands.sendAndWait(defaults.command(
                r.occurredAt(),
                at -> new RecordContribution(
                        projectId,
                        at,
                        meetingId,
                        contributionId,
                        r.memberId(),
                        r.category(),
                        r.decisionId(),
                        r.summary())));
        return new RecordedResponse(projectId, contributionId);
    }

    @PostMapping("/contributions/{contributionId}/retraction")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct the record: the contribution never happened (ContributionRetracted)")
    RecordedResponse retract(
            @PathVariable String projectId, @PathVariable String contributionId, @RequestBody RetractionRequest r) {
        commands.sendAndWait(defaults.command(
                r.occurredAt(), at -> new RetractContribution(projectId, at, contributionId, r.reason())));
        return new RecordedResponse(projectId, contributionId);
    }
}
