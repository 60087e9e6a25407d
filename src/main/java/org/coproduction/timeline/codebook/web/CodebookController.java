package org.coproduction.timeline.codebook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.NotAllowedException;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.access.api.ProjectRole;
import org.coproduction.timeline.api.CodebookCommand.DefineCode;
import org.coproduction.timeline.api.CodebookCommand.ImportCodebook;
import org.coproduction.timeline.api.CodebookCommand.MergeCodes;
import org.coproduction.timeline.api.CodebookCommand.RetireCode;
import org.coproduction.timeline.api.CodebookCommand.ReviseCode;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.codebook.query.CodebookQuery;
import org.coproduction.timeline.codebook.query.CodebookView;
import org.coproduction.timeline.codebook.query.QdcCodebook;
import org.coproduction.timeline.platform.web.RequestDefaults;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.coproduction.timeline.project.web.RecordedResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project's codebook (docs/codebook.md): read as of a date by anyone who may view the project;
 * changed by its members, each change recorded in their own name (a RECORDER may name another). A code travels in the body, never in
 * the path, since a code may hold any character.
 */
@RestController
@RequestMapping("/api/projects/{projectId}")
@Tag(name = "Codebook")
class CodebookController {

    private final CommandGateway commands;
    private final RequestDefaults defaults;
    private final CurrentAccount current;
    private final CodebookQuery codebooks;
    private final TimeTravel time;

    CodebookController(
            CommandGateway commands,
            RequestDefaults defaults,
            CurrentAccount current,
            CodebookQuery codebooks,
            TimeTravel time) {
        this.commands = commands;
        this.defaults = defaults;
        this.current = current;
        this.codebooks = codebooks;
        this.time = time;
    }

    @GetMapping("/codebook")
    @Operation(
            summary = "The codebook as of a date",
            description = "The team's codes in tree order (a parent before its children, siblings by name) with"
                    + " their name, description, parent, depth, status (DEFINED, FROM_USE for a code given in codings"
                    + " and never defined, MERGED with the code merged into, RETIRED), how often each key is given,"
                    + " and the reflections and interviews counted under it by primary perspective and phase; then"
                    + " Bales' 12 IPA categories, built in and read-only, with the meeting turns coded with each.")
    CodebookView codebook(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return codebooks.codebook(projectId, time.at(asOf, knownAt));
    }

    @GetMapping(value = "/codebook.qdc", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(
            summary = "The codebook as a REFI-QDA codebook file (.qdc)",
            description = "QDA-XML 1.0 (urn:QDA-XML:codebook:1.0), for NVivo, ATLAS.ti, MAXQDA, QualCoder: the"
                    + " team's codes as a tree with their descriptions (merged ones left out, retired ones not"
                    + " codable), then Bales' IPA categories as a group. See docs/interchange.md.")
    ResponseEntity<byte[]> qdc(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(projectId + "-codebook.qdc")
                                .build()
                                .toString())
                .body(QdcCodebook.write(codebook(projectId, asOf, knownAt)));
    }

    /** What a codebook file changed: codes defined, revised, and already as the file has them. */
    record ImportedCodebook(String projectId, int defined, int revised, int unchanged) {}

    @PostMapping(
            value = "/codebook.qdc",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(
            summary = "Bring in a REFI-QDA codebook (.qdc)",
            description = "The file (QDA-XML 1.0, validated against REFI-QDA's Codebook.xsd) defines its new codes"
                    + " and revises those whose name, description or place differ, all at occurredAt in the"
                    + " signed-in member's name; all or nothing, a refusal naming the file's line. A code is"
                    + " matched by the GUID this project exports it with, else by its name. See"
                    + " docs/interchange.md.")
    ResponseEntity<ImportedCodebook> importQdc(
            @PathVariable String projectId,
            @RequestBody(required = false) byte[] file,
            @RequestParam(required = false) String occurredAt,
            @RequestParam(required = false) String changedBy) {
        String me = member(projectId, changedBy);
        List<QdcReader.FileCode> codes = QdcReader.read(file);
        QdcImport.Plan plan =
                QdcImport.plan(projectId, codebooks.codebook(projectId, PointInTime.now(time.now())), codes);
        if (!plan.changes().isEmpty()) {
            commands.sendAndWait(
                    defaults.command(occurredAt, at -> new ImportCodebook(projectId, at, plan.changes(), me)));
        }
        return ResponseEntity.status(plan.changes().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new ImportedCodebook(projectId, plan.defined(), plan.revised(), plan.unchanged()));
    }

    /**
     * A code to define or revise: its key, name, description, parent, from when it reads so, and (for
     * a RECORDER only) the member in whose name.
     */
    record CodeRequest(
            String code, String name, String description, String parent, String occurredAt, String changedBy) {}

    @PostMapping("/codebook/codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a code (CodeDefined)")
    RecordedResponse define(@PathVariable String projectId, @RequestBody CodeRequest r) {
        String me = member(projectId, r.changedBy());
        commands.sendAndWait(defaults.command(
                r.occurredAt(),
                at -> new DefineCode(projectId, at, r.code(), r.name(), r.description(), r.parent(), me)));
        return new RecordedResponse(projectId, r.code());
    }

    @PostMapping("/codebook/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Rename, describe or move a code (CodeRevised)",
            description = "name, description and parent are the code's from occurredAt on: all three are given,"
                    + " and one left out is cleared.")
    RecordedResponse revise(@PathVariable String projectId, @RequestBody CodeRequest r) {
        String me = member(projectId, r.changedBy());
        commands.sendAndWait(defaults.command(
                r.occurredAt(),
                at -> new ReviseCode(projectId, at, r.code(), r.name(), r.description(), r.parent(), me)));
        return new RecordedResponse(projectId, r.code());
    }

    /** Codes to merge into another. */
    record MergeRequest(List<String> codes, String into, String occurredAt, String changedBy) {}

    @PostMapping("/codebook/merges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Merge codes into one (CodesMerged)",
            description = "From occurredAt on each code counts as the one merged into, and no new coding may give it.")
    RecordedResponse merge(@PathVariable String projectId, @RequestBody MergeRequest r) {
        String me = member(projectId, r.changedBy());
        commands.sendAndWait(
                defaults.command(r.occurredAt(), at -> new MergeCodes(projectId, at, r.codes(), r.into(), me)));
        return new RecordedResponse(projectId, r.into());
    }

    /** A code to retire, and why. */
    record RetireRequest(String code, String reason, String occurredAt, String changedBy) {}

    @PostMapping("/codebook/retirements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Retire a code (CodeRetired)",
            description = "Its codings stay and count; no coding occurring from occurredAt on may give it.")
    RecordedResponse retire(@PathVariable String projectId, @RequestBody RetireRequest r) {
        String me = member(projectId, r.changedBy());
        commands.sendAndWait(
                defaults.command(r.occurredAt(), at -> new RetireCode(projectId, at, r.code(), r.reason(), me)));
        return new RecordedResponse(projectId, r.code());
    }

    /**
     * The member in whose name the codebook is changed: the signed-in account's own member, or the
     * one a RECORDER names (a codebook agreed at an analysis workshop and typed in by the recorder).
     */
    private String member(String projectId, String changedBy) {
        SignedIn me = current.get().orElseThrow();
        java.util.Optional<String> self = me.memberIn(projectId);
        if (changedBy == null
                || changedBy.isBlank()
                || self.filter(changedBy::equals).isPresent()) {
            return self.orElseThrow(() -> new NotAllowedException(
                    "changedBy",
                    "your account is linked to no member of this project: the codebook is changed in a"
                            + " member's name"));
        }
        if (!me.may(projectId, ProjectRole.RECORDER)) {
            throw new NotAllowedException(
                    "changedBy",
                    "you may change the codebook only in your own name; another's needs the role RECORDER");
        }
        return changedBy;
    }
}
