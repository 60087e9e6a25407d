package org.coproduction.timeline.participation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.participation.api.Involvement;
import org.coproduction.timeline.participation.api.MemberTrajectory;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.platform.web.CsvTable;
import org.coproduction.timeline.platform.web.TimeTravel;
import org.coproduction.timeline.platform.web.Workbook;
import org.springframework.http.converter.json.MappingJacksonValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who spoke, who shaped decisions and who stayed quiet, window by window, as of a date and as known at another. */
@RestController
@Tag(name = "Participation")
class ParticipationController {

    private static final String BY = "phase (default), month or quarter (calendar, UTC), or project (one window)";

    /** The definitions of docs/metrics.md in brief, shown in the OpenAPI document. */
    private static final String DEFINITIONS = "Windows: key is the phaseId (before-first-phase for what happened"
            + " before the first phase), 2011-03 for a month, 2011-Q2 for a quarter, project for the whole;"
            + " start inclusive, end exclusive, null where open (the running phase, the whole project)."
            + " Attendees of a window: members listed as attendees of a meeting held in it; silent ones count 0."
            + " Primary perspective: the first of a member's perspectives in force when the thing happened."
            + " contributions: contributions in meetings of the window (retracted ones never count)."
            + " share = contributions / total contributions (0 when none)."
            + " attendanceShare = meetings attended / sum over attendees of meetings attended."
            + " voiceRatio = share / attendanceShare; absent (undefined) for a member who attended nothing."
            + " gini: population Gini of contributions over the attendees, sum|xi-xj| / (2 n^2 mean), 0 when all"
            + " equal ([6,4,2,0] gives 0.4167). perspectiveEntropy: -sum p ln p / ln K over the contribution"
            + " shares by primary perspective, K the distinct primary perspectives present; 0 when K <= 1."
            + " holderShare counts a contribution once per perspective its member held (can sum past 1)."
            + " ipa: share of contributions in each Bales category; areas: positive reactions (1-3),"
            + " attempted answers (4-6), questions (7-9), negative reactions (10-12)."
            + " influences: recorded influences plus one PROPOSED per decision proposed (unless recorded"
            + " explicitly), in the window of their occurredAt; influenceShare = influences / all influences"
            + " in the window. decisions: made in the window, by method; withServiceUserInfluence: those with"
            + " an influence from a member whose primary perspective was SERVICE_USER then; share = that / made."
            + " involvement per primary perspective: NONE (no attendee), CONSULTED (present), COLLABORATED"
            + " (present and influenced a decision made in the window), LED (a decision made in the window"
            + " was decided only by members of that perspective); the highest that holds."
            + " shift: this window minus the one before (absent for the first). In ipa, areas and byMethod a"
            + " share or count of 0 is left out: a missing key reads as 0. See docs/metrics.md.";

    private static final String DETAIL = "summary (default): every figure but the ipa of members and perspectives"
            + " (their areas stay); full: the ipa too";

    private final ParticipationQuery participation;
    private final TimeTravel time;

    ParticipationController(ParticipationQuery participation, TimeTravel time) {
        this.participation = participation;
        this.time = time;
    }

    @GetMapping("/api/projects/{projectId}/participation")
    @Operation(summary = "Participation window by window, by member and by perspective", description = DEFINITIONS)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Participation.class)))
    MappingJacksonValue answer(
            @PathVariable String projectId,
            @Parameter(description = BY) @RequestParam(required = false) String by,
            @Parameter(description = DETAIL) @RequestParam(required = false) String detail,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        ParticipationJson.Detail level = detail(detail);
        return ParticipationJson.answer(participation(projectId, by, asOf, knownAt), level);
    }

    private Participation participation(String projectId, String by, String asOf, String knownAt) {
        WindowKind kind = windowKind(by);
        return participation.participation(projectId, kind, time.at(asOf, knownAt));
    }

    @GetMapping(path = "/api/projects/{projectId}/participation", produces = "text/csv")
    @Operation(
            summary = "The same, as CSV: one row per window and member",
            description = "Accept: text/csv or ?format=csv. Each row: the window (key, name, start, end and its"
                    + " totals, Gini and perspective entropy) and one member's figures in it, as in the JSON.")
    CsvTable participationCsv(
            @PathVariable String projectId,
            @Parameter(description = BY) @RequestParam(required = false) String by,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return members(participation(projectId, by, asOf, knownAt), fileName(projectId, by) + ".csv");
    }

    @GetMapping(path = "/api/projects/{projectId}/participation", produces = Workbook.MEDIA_TYPE)
    @Operation(
            summary = "The same, as an Excel workbook: windows, members, perspectives, involvement",
            description = "Accept: " + Workbook.MEDIA_TYPE + " or ?format=xlsx. Sheets: Windows (a row per window:"
                    + " totals, Gini, perspective entropy, decisions made by method and with service-user"
                    + " influence); Members (as the CSV); Perspectives (a row per window and primary perspective);"
                    + " Involvement (a row per perspective, a column per window). Figures as in the JSON.")
    Workbook participationWorkbook(
            @PathVariable String projectId,
            @Parameter(description = BY) @RequestParam(required = false) String by,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        Participation answer = participation(projectId, by, asOf, knownAt);
        return Workbook.of(fileName(projectId, by) + ".xlsx")
                .sheet("Windows", windows(answer))
                .sheet("Members", members(answer, ""))
                .sheet("Perspectives", perspectives(answer))
                .sheet("Involvement", involvement(answer));
    }

    private String fileName(String projectId, String by) {
        return projectId + "-participation-by-" + windowKind(by).name().toLowerCase(Locale.ROOT);
    }

    private static CsvTable windows(Participation answer) {
        List<String> headers = new ArrayList<>(List.of(
                "windowKey",
                "window",
                "start",
                "end",
                "meetings",
                "contributions",
                "gini",
                "perspectiveEntropy",
                "decisionsMade",
                "withServiceUserInfluence",
                "serviceUserInfluenceShare"));
        for (DecisionMethod method : DecisionMethod.values()) {
            headers.add("madeBy" + method.name());
        }
        CsvTable table = CsvTable.of("", headers.toArray(String[]::new));
        for (Participation.Window w : answer.windows()) {
            List<Object> row = new ArrayList<>(Arrays.asList(
                    w.key(),
                    w.name(),
                    w.start(),
                    w.end(),
                    w.meetings(),
                    w.totalContributions(),
                    w.gini(),
                    w.perspectiveEntropy(),
                    w.decisions().made(),
                    w.decisions().withServiceUserInfluence(),
                    w.decisions().share()));
            for (DecisionMethod method : DecisionMethod.values()) {
                row.add(w.decisions().byMethod().getOrDefault(method, 0));
            }
            table.row(row.toArray());
        }
        return table;
    }

    /** A row per window and member: the window's key, name, start, end and totals, then the member's figures. */
    private static CsvTable members(Participation answer, String filename) {
        CsvTable table = CsvTable.of(
                filename,
                "windowKey",
                "window",
                "start",
                "end",
                "windowMeetings",
                "windowContributions",
                "windowGini",
                "windowPerspectiveEntropy",
                "memberId",
                "name",
                "primaryPerspective",
                "contributions",
                "share",
                "attendanceShare",
                "voiceRatio",
                "influences",
                "influenceShare");
        for (Participation.Window w : answer.windows()) {
            for (Participation.MemberFigures m : w.members()) {
                table.row(
                        w.key(),
                        w.name(),
                        w.start(),
                        w.end(),
                        w.meetings(),
                        w.totalContributions(),
                        w.gini(),
                        w.perspectiveEntropy(),
                        m.memberId(),
                        m.name(),
                        m.primaryPerspective(),
                        m.contributions(),
                        m.share(),
                        m.attendanceShare(),
                        m.voiceRatio(),
                        m.influences(),
                        m.influenceShare());
            }
        }
        return table;
    }

    private static CsvTable perspectives(Participation answer) {
        CsvTable table = CsvTable.of(
                "",
                "windowKey",
                "window",
                "perspective",
                "contributions",
                "share",
                "holderShare",
                "attendanceShare",
                "voiceRatio",
                "influences",
                "influenceShare",
                "involvement");
        for (Participation.Window w : answer.windows()) {
            for (Participation.PerspectiveFigures p : w.perspectives()) {
                table.row(
                        w.key(),
                        w.name(),
                        p.perspective(),
                        p.contributions(),
                        p.share(),
                        p.holderShare(),
                        p.attendanceShare(),
                        p.voiceRatio(),
                        p.influences(),
                        p.influenceShare(),
                        w.involvement().get(p.perspective()));
            }
        }
        return table;
    }

    /** The involvement matrix the page shows: a row per perspective, a column per window (NONE where absent). */
    private static CsvTable involvement(Participation answer) {
        SortedSet<String> perspectives = new TreeSet<>();
        answer.windows().forEach(w -> perspectives.addAll(w.involvement().keySet()));
        List<String> headers = new ArrayList<>(List.of("perspective"));
        answer.windows().forEach(w -> headers.add(w.name()));
        CsvTable table = CsvTable.of("", headers.toArray(String[]::new));
        for (String perspective : perspectives) {
            List<Object> row = new ArrayList<>(List.of(perspective));
            for (Participation.Window w : answer.windows()) {
                row.add(w.involvement().getOrDefault(perspective, Involvement.NONE));
            }
            table.row(row.toArray());
        }
        return table;
    }

    @GetMapping("/api/projects/{projectId}/members/{memberId}/trajectory")
    @Operation(
            summary = "One member's participation phase by phase",
            description = "For each phase (as in participation?by=phase): whether the member was on the team in"
                    + " it, their role and perspectives at the phase's end (or when they left), and their"
                    + " contributions, share, attendanceShare, voiceRatio (absent when they attended nothing),"
                    + " IPA areas, influences and influenceShare, defined as in the participation answer."
                    + " 404 for a member the project never had (as the record stood at knownAt).")
    MemberTrajectory trajectory(
            @PathVariable String projectId,
            @PathVariable String memberId,
            @Parameter(description = TimeTravel.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = TimeTravel.KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return participation.trajectory(projectId, memberId, time.at(asOf, knownAt));
    }

    private static ParticipationJson.Detail detail(String detail) {
        if (detail == null || detail.isBlank()) {
            return ParticipationJson.Detail.SUMMARY;
        }
        return switch (detail.toLowerCase(Locale.ROOT)) {
            case "summary" -> ParticipationJson.Detail.SUMMARY;
            case "full" -> ParticipationJson.Detail.FULL;
            default -> throw new InvalidFieldException("detail", "must be one of summary, full");
        };
    }

    private static WindowKind windowKind(String by) {
        if (by == null || by.isBlank()) {
            return WindowKind.PHASE;
        }
        return switch (by.toLowerCase(Locale.ROOT)) {
            case "phase" -> WindowKind.PHASE;
            case "month" -> WindowKind.MONTH;
            case "quarter" -> WindowKind.QUARTER;
            case "project" -> WindowKind.PROJECT;
            default -> throw new InvalidFieldException("by", "must be one of phase, month, quarter, project");
        };
    }
}
