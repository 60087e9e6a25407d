package org.coproduction.timeline.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.coproduction.timeline.admin.DeadLetters;
import org.coproduction.timeline.admin.api.DeadLetterSequence;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events read models failed on, waiting in their dead-letter queues; retried or evicted. */
@RestController
@Tag(name = "Administration")
class DeadLetterController {

    /** What a retry or an eviction did. */
    record Outcome(String readModel, String projectId, boolean cleared, Integer evicted) {}

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(
            summary = "The events a read model's handler failed on, by read model and project",
            description = "Each project's first letter is the event that failed (with its cause, cut at 200"
                    + " characters); the others are its later events, waiting so that the project's events stay"
                    + " in order. The read model goes on with every other project meanwhile.")
    List<DeadLetterSequence> deadLetters() {
        return deadLetters.all();
    }

    @PostMapping("/api/admin/dead-letters/{readModel}/{projectId}/retry")
    @Operation(
            summary = "Run the read model's handler again on a project's dead letters",
            description = "In order: those it now handles leave the queue; the first that fails again stays, with"
                    + " those behind it. cleared says whether none is left. 404 for an unknown read model or a"
                    + " project with no dead letters there.")
    Outcome retry(@PathVariable String readModel, @PathVariable String projectId) {
        return new Outcome(readModel, projectId, deadLetters.retry(readModel, projectId), null);
    }

    @PostMapping("/api/admin/dead-letters/{readModel}/{projectId}/evict")
    @Operation(
            summary = "Drop a project's dead letters from a read model's queue",
            description = "The read model goes without those events until it is rebuilt (POST"
                    + " /api/admin/projections/{name}/rebuild). 404 for an unknown read model or a project with"
                    + " no dead letters there.")
    Outcome evict(@PathVariable String readModel, @PathVariable String projectId) {
        return new Outcome(readModel, projectId, true, deadLetters.evict(readModel, projectId));
    }
}
