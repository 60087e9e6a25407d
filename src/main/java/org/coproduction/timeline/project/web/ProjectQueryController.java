package org.coproduction.timeline.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.coproduction.timeline.project.query.ProjectSummary;
import org.coproduction.timeline.project.query.ProjectSummaryProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the projects the store holds. */
@RestController
@Tag(name = "Project and team")
class ProjectQueryController {

    private final ProjectSummaryProjection projects;

    ProjectQueryController(ProjectSummaryProjection projects) {
        this.projects = projects;
    }

    @GetMapping("/api/projects")
    @Operation(summary = "List projects with their current phase and team size")
    List<ProjectSummary> list() {
        return projects.all();
    }
}
