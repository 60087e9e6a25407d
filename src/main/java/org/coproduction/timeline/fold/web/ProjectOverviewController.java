package org.coproduction.timeline.fold.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coproduction.timeline.fold.api.ProjectOverview;
import org.coproduction.timeline.fold.query.ProjectOverviewQuery;
import org.coproduction.timeline.platform.web.CsvTable;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A project's phases, members, meetings and decisions at an (asOf, knownAt). */
@RestController
@Tag(name = "Project and team")
class ProjectOverviewController {

    private final ProjectOverviewQuery overviews;
    private final TimeTravel time;

    ProjectOverviewController(ProjectOverviewQuery overviews, TimeTravel time) {
        this.overviews = overviews;
        this.time = time;
    }

    @GetMapping("/api/projects/{projectId}")
    @Operation(
            summary = "One project: phases, members, meetings and decisions",
            description = "Everyone who was on the team by asOf, with role and perspectives in force at asOf"
                    + " (active false and leftAt for those who had left), the phases begun by asOf, the meetings"
                    + " held by asOf with their attendees and phase, and the decisions proposed by asOf with"
                    + " their status (PROPOSED, MADE, REVISED), all as the record stood at knownAt. 404 naming"
                    + " projectId for a project never registered.")
    ProjectOverview overview(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return overviews.overview(projectId, time.at(asOf, knownAt));
    }

    @GetMapping(path = "/api/projects/{projectId}", produces = "text/csv")
    @Operation(
            summary = "The team as CSV: one row per member",
            description = "Accept: text/csv or ?format=csv. Role and perspectives in force at asOf.")
    CsvTable membersCsv(
            @PathVariable String projectId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        CsvTable table = CsvTable.of(
                projectId + "-members.csv",
                "memberId",
                "name",
                "role",
                "perspectives",
                "primaryPerspective",
                "active",
                "joinedAt",
                "leftAt",
                "withdrawn");
        for (ProjectOverview.Member m : overview(projectId, asOf, knownAt).members()) {
            table.row(
                    m.memberId(),
                    m.name(),
                    m.role(),
                    String.join(" ", m.perspectives()),
                    m.primaryPerspective(),
                    m.active(),
                    m.joinedAt(),
                    m.leftAt(),
                    m.withdrawn());
        }
        return table;
    }
}
