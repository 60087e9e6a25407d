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
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.interchange.ImportAdmission;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportRejectedException;
import org.coproduction.timeline.interchange.ImportResult;
import org.coproduction.timeline.interchange.JsonLinesExporter;
import org.coproduction.timeline.interchange.JsonLinesImporter;
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
    private final CurrentAccount current;
    private final ProjectAccess access;
    private final AuditTrail audit;

    InterchangeController(
            JsonLinesImporter importer,
            JsonLinesExporter exporter,
            CurrentAccount current,
            ProjectAccess access,
            AuditTrail audit) {
        this.importer = importer;
        this.exporter = exporter;
        this.current = current;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping(
            path = "/api/import",
            // JSON Lines only: a text/plain or form post, which any web page may send without asking, gets 415.
            consumes = NDJSON)
    @Operation(
            summary = "Import a JSON Lines file: all lines or none",
            description = "Every line is checked against events-schema/ and the project rules first; if any fails,"
                    + " nothing is stored and the answer is 400 with every error as {line, field, message}."
                    + " Lines whose eventId the store already holds are counted as alreadyPresent."
                    + " A project the file registers gets the importing account as its COORDINATOR; lines for a"
                    + " project the store already holds need that role there (or the site role ADMIN).")
    ImportResult importLines(InputStream body) throws IOException {
        SignedIn account = current.get().orElseThrow();
        ImportAdmission admission = projectId -> account.siteAdmin() || account.may(projectId, ProjectRole.COORDINATOR);
        Path spool = Files.createTempFile("timeline-import-", ".jsonl");
        ImportResult result;
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            result = importer.importFile(spool, ImportProgress.NONE, admission);
        } finally {
            Files.deleteIfExists(spool);
        }
        for (String projectId : result.newProjects()) {
            access.grant(projectId, account.username(), ProjectRole.COORDINATOR, null, account.username());
        }
        audit.record(
                account.username(),
                "IMPORTED",
                null,
                null,
                result.imported() + " events (" + result.alreadyPresent() + " already present); new projects: "
                        + result.newProjects());
        return result;
    }

    @GetMapping(path = "/api/projects/{projectId}/events", produces = NDJSON)
    @Operation(summary = "Export the project's events as JSON Lines, in recorded order (COORDINATOR)")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String projectId,
            @Parameter(description = "only events that occurred at or before this date or instant")
                    @RequestParam(required = false)
                    String asOf,
            @Parameter(description = "only events recorded at or before this date or instant")
                    @RequestParam(required = false)
                    String knownAt) {
        Instant asOfTime = asOf == null ? null : Require.requestedTime("asOf", asOf);
        Instant knownAtTime = knownAt == null ? null : Require.requestedTime("knownAt", knownAt);
        JsonLinesExporter.Export export = exporter.open(projectId);
        audit.record(current.username(), "EXPORTED", projectId, null, "JSON Lines");
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
