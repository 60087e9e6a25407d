package org.coproduction.timeline.codebook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coproduction.timeline.access.AuditTrail;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.access.SignedIn;
import org.coproduction.timeline.codebook.query.QdpxQuery;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project for qualitative analysis tools, as a REFI-QDA project (docs/interchange.md): for the
 * project's members only (the door's rule), each getting the team's texts and their own private
 * reflections. An export of people's words, so it is in the audit trail.
 */
@RestController
@Tag(name = "Codebook")
class QdpxController {

    static final String ZIP = "application/zip";

    private final QdpxQuery exports;
    private final CurrentAccount current;
    private final AuditTrail audit;
    private final TimeTravel time;

    QdpxController(QdpxQuery exports, CurrentAccount current, AuditTrail audit, TimeTravel time) {
        this.exports = exports;
        this.current = current;
        this.audit = audit;
        this.time = time;
    }

    @GetMapping(value = "/api/projects/{projectId}/export.qdpx", produces = ZIP)
    @Operation(
            summary = "The project as a REFI-QDA project (.qdpx) for QualCoder, NVivo, ATLAS.ti, MAXQDA",
            description = "QDA-XML 1.0 (urn:QDA-XML:project:1.0) in a zip: project.qde and sources/ with one UTF-8"
                    + " text per source. The members as users and cases (role, primary perspective, phase joined),"
                    + " the codebook as codebook.qdc answers it (same GUIDs), the team's reflections and the"
                    + " interviews with a summary, as of asOf, each coded as its codes were then (positions in"
                    + " Unicode code points). Your own private reflections are in it, nobody else's; a member who"
                    + " withdrew consent is there by their pseudonym, without their words. Members of the project"
                    + " only. See docs/interchange.md.")
    ResponseEntity<byte[]> qdpx(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        SignedIn me = current.get().orElseThrow();
        byte[] file = exports.export(
                projectId, time.at(asOf, knownAt), me.memberIn(projectId).orElse(null));
        audit.record(me.username(), "EXPORTED", projectId, null, "REFI-QDA project (.qdpx)");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ZIP))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(projectId + ".qdpx")
                                .build()
                                .toString())
                .body(file);
    }
}
