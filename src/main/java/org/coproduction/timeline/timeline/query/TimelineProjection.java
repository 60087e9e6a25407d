package org.coproduction.timeline.timeline.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.coproduction.timeline.platform.JdbcBatch;
import org.coproduction.timeline.platform.axon.BatchWrites;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.project.api.EventCatalogue;
import org.coproduction.timeline.project.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.project.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.project.api.Mentions;
import org.coproduction.timeline.project.api.ProjectEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code timeline_entry} (one row per event: what the timeline filters and orders by, not the
 * event's data, which {@link TimelineQuery} reads from the store for the page it answers), {@code
 * timeline_member_name} (one row per join) and {@code timeline_phase}. Rows of one processor batch are written together in one JDBC batch when
 * the batch commits, with the processor's token, so a rebuild streams at the speed of the store.
 * A row already present (same project and sequence) is skipped, so handling is idempotent.
 *
 * <p>Each row depends on its own event only (member and phase rows are keyed by their ids and
 * written whole), so the order in which events arrive does not matter: the processor spreads a
 * project's events over all its segments ({@link #SEQUENCING_POLICY}) and rebuilds in parallel.
 * Axon's pooled processor refills a segment's buffer of 1,024 events at most every 100 ms once
 * it is full, so one segment tops out near 10,000 events/s.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
class TimelineProjection {

    static final String PROCESSING_GROUP = "timeline";
    static final String SEQUENCING_POLICY = "timelineSequencingPolicy";
    private static final String PENDING_ROWS = TimelineProjection.class.getName() + ".rows";

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            String projectId,
            long sequence,
            String eventId,
            String type,
            Instant occurredAt,
            Instant recordedAt,
            String memberIds,
            MemberJoined joined) {}

    @EventHandler
    void on(ProjectEvent event, DomainEventMessage<?> message) {
        if (event instanceof PhaseStarted phase) {
            jdbc.update(
                    "DELETE FROM timeline_phase WHERE project_id = ? AND phase_id = ?",
                    phase.projectId(),
                    phase.phaseId());
            jdbc.update(
                    "INSERT INTO timeline_phase (project_id, phase_id, name, started_at, seq_no) VALUES (?, ?, ?, ?, ?)",
                    phase.projectId(),
                    phase.phaseId(),
                    phase.name(),
                    utc(phase.occurredAt()),
                    message.getSequenceNumber());
        }
        pendingRows()
                .add(new Row(
                        event.projectId(),
                        message.getSequenceNumber(),
                        RecordedTime.eventId(message),
                        EventCatalogue.nameOf(event),
                        event.occurredAt(),
                        RecordedTime.of(message),
                        "," + String.join(",", Mentions.membersOf(event)) + ",",
                        event instanceof MemberJoined joined ? joined : null));
    }

    /**
     * TRUNCATE rather than DELETE: it drops a million rows at once instead of one by one (on H2
     * it also commits the transaction it runs in; {@code ReadModels} resets the tokens before).
     */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE timeline_entry");
        jdbc.execute("TRUNCATE TABLE timeline_member_name");
        jdbc.execute("TRUNCATE TABLE timeline_phase");
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private List<Row> pendingRows() {
        return BatchWrites.current(PENDING_ROWS, ArrayList::new, this::insert);
    }

    private void insert(List<Row> rows) {
        Set<String> present = alreadyStored(rows);
        List<Object[]> args = new ArrayList<>(rows.size());
        List<Object[]> names = new ArrayList<>();
        for (Row row : rows) {
            if (!present.contains(row.projectId() + "#" + row.sequence())) {
                if (row.joined() != null) {
                    names.add(new Object[] {
                        row.projectId(),
                        row.sequence(),
                        row.joined().memberId(),
                        row.joined().name()
                    });
                }
                args.add(new Object[] {
                    row.projectId(),
                    row.sequence(),
                    row.eventId(),
                    row.type(),
                    utc(row.occurredAt()),
                    utc(row.recordedAt()),
                    row.memberIds()
                });
            }
        }
        JdbcBatch.run(
                jdbc,
                "INSERT INTO timeline_entry (project_id, seq_no, event_id, type, occurred_at, recorded_at,"
                        + " member_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                args);
        JdbcBatch.run(
                jdbc,
                "INSERT INTO timeline_member_name (project_id, seq_no, member_id, name) VALUES (?, ?, ?, ?)",
                names);
    }

    /** Rows a redelivered batch already wrote: one range query per project in the batch. */
    private Set<String> alreadyStored(List<Row> rows) {
        Set<String> present = new HashSet<>();
        Map<String, LongSummaryStatistics> sequences =
                rows.stream().collect(Collectors.groupingBy(Row::projectId, Collectors.summarizingLong(Row::sequence)));
        sequences.forEach((projectId, range) -> jdbc.query(
                "SELECT seq_no FROM timeline_entry WHERE project_id = ? AND seq_no BETWEEN ? AND ?",
                rs -> {
                    present.add(projectId + "#" + rs.getLong(1));
                },
                projectId,
                range.getMin(),
                range.getMax()));
        return present;
    }
}
