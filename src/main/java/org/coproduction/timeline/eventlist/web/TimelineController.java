package org.coproduction.timeline.eventlist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.coproduction.timeline.access.CurrentAccount;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.Require;
import org.coproduction.timeline.eventlist.query.TimelineFilter;
import org.coproduction.timeline.eventlist.query.TimelinePage;
import org.coproduction.timeline.eventlist.query.TimelineQuery;
import org.coproduction.timeline.platform.web.CsvTable;
import org.coproduction.timeline.platform.web.ReadsFrom;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A project's whole history, in the order things happened. */
@RestController
@Tag(name = "Timeline")
class TimelineController {

    static final int MAX_PAGE_SIZE = 1000;

    private final TimelineQuery timeline;
    private final CurrentAccount current;

    TimelineController(TimelineQuery timeline, CurrentAccount current) {
        this.timeline = timeline;
        this.current = current;
    }

    @GetMapping("/api/projects/{projectId}/timeline")
    @ReadsFrom(TimelineQuery.READ_MODEL)
    @Operation(
            summary = "Every event of the project ordered by occurredAt then recordedAt",
            description = "Each entry carries the phase it falls in (null before the first phase) and the names of"
                    + " the members it speaks of. A private reflection's text is shown to its author only.")
    TimelinePage timeline(
            @PathVariable String projectId,
            @Parameter(description = "occurredAt from, inclusive: a date or an instant") @RequestParam(required = false)
                    String from,
            @Parameter(description = "occurredAt to, inclusive; a date includes that whole day")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "only events in this phase, or before-first-phase") @RequestParam(required = false)
                    String phaseId,
            @Parameter(description = "only events that name this member") @RequestParam(required = false)
                    String memberId,
            @Parameter(description = "only these event types, comma-separated") @RequestParam(required = false)
                    String type,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<String> types = type == null
                ? List.of()
                : Arrays.stream(type.split(",")).map(String::trim).toList();
        return timeline.find(
                projectId,
                new TimelineFilter(
                        from == null ? null : Require.requestedTime("from", from),
                        to == null ? null : endOf(to),
                        phaseId,
                        memberId,
                        types,
                        page,
                        size),
                current.get().flatMap(account -> account.memberIn(projectId)).orElse(null));
    }

    @GetMapping(path = "/api/projects/{projectId}/timeline", produces = "text/csv")
    @ReadsFrom(TimelineQuery.READ_MODEL)
    @Operation(
            summary = "The filtered timeline as CSV: every matching event, one row each",
            description = "Accept: text/csv or ?format=csv. The same filters; every page at once. data is the"
                    + " event's fields as JSON, without a private reflection's text unless it is yours.")
    CsvTable timelineCsv(
            @PathVariable String projectId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String phaseId,
            @RequestParam(required = false) String memberId,
            @RequestParam(required = false) String type) {
        CsvTable table = CsvTable.of(
                projectId + "-timeline.csv",
                "sequence",
                "eventId",
                "type",
                "occurredAt",
                "recordedAt",
                "phaseId",
                "phase",
                "members",
                "data");
        for (int page = 0; ; page++) {
            TimelinePage answer = timeline(projectId, from, to, phaseId, memberId, type, page, MAX_PAGE_SIZE);
            for (TimelinePage.Entry e : answer.entries()) {
                table.row(
                        e.sequence(),
                        e.eventId(),
                        e.type(),
                        e.occurredAt(),
                        e.recordedAt(),
                        e.phase() == null ? null : e.phase().phaseId(),
                        e.phase() == null ? null : e.phase().name(),
                        e.members().stream().map(TimelinePage.MemberRef::name).collect(Collectors.joining("; ")),
                        e.data());
            }
            if ((long) (page + 1) * MAX_PAGE_SIZE >= answer.total()) {
                return table;
            }
        }
    }

    private static Instant endOf(String to) {
        Instant t = Require.requestedTime("to", to);
        return to.length() == 10 ? t.plus(1, ChronoUnit.DAYS) : t.plusNanos(1);
    }
}
