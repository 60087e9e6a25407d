package org.coproduction.timeline.replay.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.coproduction.timeline.replay.api.ProjectReplay;
import org.coproduction.timeline.replay.query.ReplayQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Replays a project phase by phase, as the record stood at a date. */
@RestController
@Tag(name = "Replay")
class ReplayController {

    private static final String UNTIL =
            "stop after this phase (a phaseId), or at this date or instant (inclusive); default: the whole history";

    private final ReplayQuery replays;
    private final TimeTravel time;
    private final ObjectMapper mapper;

    ReplayController(ReplayQuery replays, TimeTravel time, ObjectMapper mapper) {
        this.replays = replays;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/api/projects/{projectId}/replay")
    @Operation(
            summary = "The project phase by phase",
            description = "For each phase in order: its period, the team at its end with roles and perspectives"
                    + " then, who joined, left or changed, meetings and contributions (by the primary perspective of"
                    + " their member at the time), decisions proposed, made or revised in it with their influencers"
                    + " at the phase's end, and the shift from the phase before. Folds the project's events once"
                    + " and touches no read model.")
    ProjectReplay replay(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt,
            @Parameter(description = UNTIL) @RequestParam(required = false) String until) {
        return replays.replay(projectId, time.knownAt(knownAt), until);
    }

    @GetMapping(value = "/api/projects/{projectId}/replay/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The same replay as server-sent events",
            description = "One event `phase` per phase, in order, each with the phase as JSON; then one event `end`"
                    + " with the number of phases sent.")
    ResponseEntity<StreamingResponseBody> stream(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt,
            @Parameter(description = UNTIL) @RequestParam(required = false) String until) {
        Instant known = time.knownAt(knownAt);
        ReplayQuery.Replay replay = replays.open(projectId, known, until);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            int[] sent = {0};
            replay.forEachPhase(phase -> {
                try {
                    writer.write("id: " + sent[0]++ + "\nevent: phase\ndata: ");
                    writer.write(mapper.writeValueAsString(phase));
                    writer.write("\n\n");
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.write("event: end\ndata: " + mapper.writeValueAsString(Map.of("phases", sent[0])) + "\n\n");
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .body(body);
    }
}
