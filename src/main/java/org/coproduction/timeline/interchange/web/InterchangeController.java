package org.coproduction.timeline.interchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportRejectedException;
import org.coproduction.timeline.interchange.ImportResult;
import org.coproduction.timeline.interchange.JsonLinesExporter;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.project.api.Require;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Imports and exports whole histories in the JSON Lines interchange format of docs/events.md. */
@RestController
@Tag(name = "Import and export")
class InterchangeController {

    static final String NDJSON = "application/x-ndjson";

    private final JsonLinesImporter importer;
    private final JsonLinesExporter exporter;

    InterchangeController(JsonLinesImporter importer, JsonLinesExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @PostMapping(
            path = "/api/import",
            consumes = {NDJSON, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Import a JSON Lines file: all lines or none",
            description = "Every line is checked against events-schema/ and the project rules first; if any fails,"
                    + " nothing is stored and the answer is 400 with every error as {line, field, message}."
                    + " Lines whose eventId the store already holds are counted as alreadyPresent.")
    ImportResult importLines(InputStream body) throws IOException {
        Path spool = Files.createTempFile("timeline-import-", ".jsonl");
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            return importer.importFile(spool, ImportProgress.NONE);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @GetMapping(path = "/api/projects/{projectId}/events", produces = NDJSON)
    @Operation(summary = "Export the project's events as JSON Lines, in recorded order")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String projectId,
            @Parameter(description = "only events that occurred at or before this date or instant")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(description = "only events recorded at or before this date or instant")
                    @RequestParam(required = false)
                    String knownAt) {
        Instant asOfTime = asOf == null ? null : Require.occurredAt("asOf", asOf);
        Instant knownAtTime = knownAt == null ? null : Require.occurredAt("knownAt", knownAt);
        JsonLinesExporter.Export export = exporter.open(projectId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .body(out -> export.writeTo(out, asOfTime, knownAtTime));
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Import refused");
        problem.setProperty("errors", e.errors());
        problem.setProperty("errorCount", e.errorCount());
        return problem;
    }
}
