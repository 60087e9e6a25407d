package org.coproduction.timeline.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.platform.web.ReadsFrom;
import org.coproduction.timeline.project.query.ProjectSummary;
import org.coproduction.timeline.project.query.ProjectSummaryProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the projects the signed-in account may see. */
@RestController
@Tag(name = "Project and team")
class ProjectQueryController {

    private final ProjectSummaryProjection projects;
    private final CurrentAccount current;

    ProjectQueryController(ProjectSummaryProjection projects, CurrentAccount current) {
        this.projects = projects;
        this.current = current;
    }

    @GetMapping("/api/projects")
    @ReadsFrom(ProjectSummaryProjection.PROCESSING_GROUP)
    @Operation(
            summary = "List the projects the signed-in account has a role in (every project for the site"
                    + " role ADMIN), with their current phase and team size")
    List<ProjectSummary> list() {
        return current.get()
                .map(account -> projects.all().stream()
                        .filter(project -> account.sees(project.projectId()))
                        .toList())
                .orElse(List.of());
    }
}
