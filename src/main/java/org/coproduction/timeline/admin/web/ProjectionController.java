package org.coproduction.timeline.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.coproduction.timeline.admin.ReadModels;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read models' status, and their rebuild from the event store. */
@RestController
@Tag(name = "Administration")
class ProjectionController {

    private static final String STATUS = " status is RUNNING, REBUILDING (replaying after a reset; progress gives the"
            + " fraction of the head reached and, in the instance that started it, events/s), STOPPED or ERROR;"
            + " position is the lowest global index its segments have handled, head the event store's highest,"
            + " lag the difference.";

    private final ReadModels readModels;

    ProjectionController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/api/admin/projections")
    @Operation(
            summary = "Every read model (streaming event processor) with position, lag and status",
            description = "The" + STATUS)
    List<ProjectionStatus> projections() {
        return readModels.all();
    }

    @GetMapping("/api/admin/projections/{name}")
    @Operation(
            summary = "One read model's position, lag and status",
            description = "The" + STATUS + " 404 for an unknown name.")
    ProjectionStatus projection(@PathVariable String name) {
        return readModels.status(name);
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(
            summary = "Clear a read model and replay every event into it",
            description = "Stops the processor in this instance, resets its tokens (its reset handlers clear its"
                    + " tables, in the same transaction) and starts it again: 202 with the status, REBUILDING"
                    + " until it has caught up; follow it with GET. Answers are incomplete until then. 404 for an"
                    + " unknown name; 409 while it is already rebuilding, or when another instance holds one of"
                    + " its segments (nothing is cleared then: stop the processor there first).")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(readModels.rebuild(name));
    }
}
