package org.coproduction.timeline.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.MeetingCommand.CodeTurn;
import org.coproduction.timeline.api.MeetingCommand.TranscribeMeeting;
import org.coproduction.timeline.meeting.query.TranscriptQuery;
import org.coproduction.timeline.meeting.query.TranscriptQuery.Transcript;
import org.coproduction.timeline.meeting.web.TranscriptReader.Speech;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's transcript in (WebVTT or plain text, its speakers mapped to members), its turns read
 * back, and each turn coded with an IPA category.
 */
@RestController
@RequestMapping("/api/projects/{projectId}")
@Tag(name = "Meetings")
class TranscriptController {

    private final CommandGateway commands;
    private final TranscriptQuery transcripts;
    private final SpeakerMemory speakers;

    TranscriptController(CommandGateway commands, TranscriptQuery transcripts, SpeakerMemory speakers) {
        this.commands = commands;
        this.transcripts = transcripts;
        this.speakers = speakers;
    }

    /** The transcript file's text, and (to record it) each speaker's member. */
    record TranscriptRequest(String file, Map<String, String> speakers) {}

    /** A speaker of the file: how many turns, the line of the first, the member remembered for them. */
    record Speaker(String speaker, int turns, int firstLine, String memberId) {}

    record SpeakersAnswer(String format, int turns, List<Speaker> speakers) {}

    record Transcribed(String projectId, String meetingId, int turns) {}

    record CodingRequest(IpaCategory category, String decisionId) {}

    @PostMapping("/meetings/{meetingId}/transcript/speakers")
    @Operation(
            summary = "Read a transcript's speakers before recording it",
            description = "The file (WebVTT or plain text with \"Name:\" turns, docs/interchange.md) is read, not"
                    + " recorded: its speakers in order of first speech, each with its turns, the line of its"
                    + " first, and the member it was mapped to in this project's last transcripts, if any.")
    SpeakersAnswer speakers(
            @PathVariable String projectId, @PathVariable String meetingId, @RequestBody TranscriptRequest r) {
        TranscriptReader.Transcript read = TranscriptReader.read(r.file());
        Map<String, String> remembered = speakers.remembered(projectId);
        List<Speaker> found = new ArrayList<>();
        read.speakers()
                .forEach((speaker, line) -> found.add(new Speaker(
                        speaker,
                        (int) read.speeches().stream()
                                .filter(s -> s.speaker().equals(speaker))
                                .count(),
                        line,
                        remembered.get(speaker))));
        return new SpeakersAnswer(read.format().name(), read.speeches().size(), found);
    }

    @PostMapping("/meetings/{meetingId}/transcript")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a meeting's transcript, turn by turn (TurnTranscribed)",
            description = "Every speaker of the file must be mapped to a member in \"speakers\" (name as the file"
                    + " gives it to memberId). Each speech becomes a turn with its words, sealed under the"
                    + " speaker's key, dated the meeting's start plus its time in the file; all or nothing, a"
                    + " refusal names the line. A meeting has one transcript. The mapping is remembered for"
                    + " the project's next transcript.")
    Transcribed transcribe(
            @PathVariable String projectId, @PathVariable String meetingId, @RequestBody TranscriptRequest r) {
        TranscriptReader.Transcript read = TranscriptReader.read(r.file());
        Map<String, String> mapping = r.speakers() == null ? Map.of() : r.speakers();
        Map<String, String> used = new LinkedHashMap<>();
        List<InvalidFieldException> unmapped = new ArrayList<>();
        read.speakers().forEach((speaker, line) -> {
            String memberId = mapping.get(speaker);
            if (memberId == null || memberId.isBlank()) {
                unmapped.add(new InvalidFieldException(
                        "speakers", "line " + line + ": speaker \"" + speaker + "\" is not mapped to a member"));
            } else {
                used.put(speaker, memberId);
            }
        });
        if (!unmapped.isEmpty()) {
            throw unmapped.stream().reduce(InvalidFieldException::together).orElseThrow();
        }
        List<TranscribeMeeting.Turn> turns = new ArrayList<>();
        List<Speech> speeches = read.speeches();
        for (int i = 0; i < speeches.size(); i++) {
            Speech speech = speeches.get(i);
            Duration at = speech.at();
            turns.add(new TranscribeMeeting.Turn(
                    turnId(meetingId, i + 1), used.get(speech.speaker()), at, speech.text(), speech.line()));
        }
        commands.sendAndWait(new TranscribeMeeting(projectId, meetingId, turns));
        speakers.remember(projectId, used);
        return new Transcribed(projectId, meetingId, turns.size());
    }

    @GetMapping("/meetings/{meetingId}/transcript")
    @Operation(
            summary = "A meeting's transcribed turns, with their words and coding",
            description = "In the order said: speaker, time, words (gone once the speaker withdrew consent), and"
                    + " the turn's coding as it stands (its latest contribution not retracted), if any.")
    Transcript transcript(@PathVariable String projectId, @PathVariable String meetingId) {
        return transcripts.transcript(projectId, meetingId);
    }

    @PostMapping("/turns/{turnId}/coding")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Code a transcribed turn with an IPA category (ContributionRecorded)",
            description = "Recorded as the turn's contribution, by its speaker, at the time it was said, its id the"
                    + " turn's (or <turnId>:2 after a retracted coding). A coded turn is coded again after"
                    + " its coding is retracted.")
    RecordedResponse code(@PathVariable String projectId, @PathVariable String turnId, @RequestBody CodingRequest r) {
        commands.sendAndWait(new CodeTurn(projectId, turnId, r.category(), r.decisionId()));
        return new RecordedResponse(projectId, turnId);
    }

    /** {@code <meetingId>.t<n>}, or a name-based UUID where that would pass the 64 characters of an id. */
    static String turnId(String meetingId, int n) {
        String id = meetingId + ".t" + n;
        return id.length() <= 64
                ? id
                : "turn-" + UUID.nameUUIDFromBytes((meetingId + "\u0000" + n).getBytes(StandardCharsets.UTF_8));
    }
}
