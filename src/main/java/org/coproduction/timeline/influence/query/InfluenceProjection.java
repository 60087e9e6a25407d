package org.coproduction.timeline.influence.query;

import static java.sql.Types.BIGINT;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.DecisionRevised;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.platform.Utc;
import org.coproduction.timeline.platform.axon.BatchWrites;
import org.coproduction.timeline.platform.axon.RecordedTime;
import org.coproduction.timeline.privacy.Sealing;
import org.coproduction.timeline.privacy.Vacuum;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the influence tables: one insert-only row per event it needs, keyed by project and
 * sequence number and carrying both times, so that answering for any (asOf, knownAt) is a filter.
 * A retraction is a row of its own, never an update of the row it retracts.
 *
 * <p>Rows of a processor batch are written together when the batch commits. The processor keeps a
 * project's events in order on one segment, so a batch holds one unbroken run of each project's
 * sequence numbers; rows of that run already present (a redelivered batch) are deleted first, which
 * makes handling idempotent. Only the tables the batch writes to are touched: an event that keeps
 * no row costs no statement.
 *
 * <p>Names and notes are kept as the events hold them, sealed, with the id of their event; the
 * reader opens them ({@link Sealing#name}, {@link Sealing#note}). A member's withdrawal of consent
 * replaces their name with their pseudonym and clears their notes here. A withdrawal
 * with scope ALL adds a member row of change {@code EXCLUDED}: for a knownAt from its recorded_at
 * the reader leaves that member out of every fact ({@link
 * org.coproduction.timeline.fold.query.Exclusion}).
 */
@Component
@ProcessingGroup(InfluenceProjection.PROCESSING_GROUP)
class InfluenceProjection {

    static final String PROCESSING_GROUP = "influence";

    static final String PROJECT = "influence_project";
    static final String DECISION = "influence_decision";
    static final String INFLUENCE = "influence_record";
    static final String DISCUSSION = "influence_discussion";
    static final String RETRACTION = "influence_retraction";
    static final String MEMBER = "influence_member";
    static final String PHASE = "influence_phase";

    /** The change of a member row that marks its member as withdrawn with scope ALL. */
    static final String EXCLUDED = "EXCLUDED";

    /** Each table's insert, and the SQL types of its values, in order. */
    private static final Map<String, Insert> INSERTS = Map.of(
            PROJECT,
            new Insert(
                    "(project_id, seq_no, title, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE,
                    TIMESTAMP_WITH_TIMEZONE),
            DECISION,
            new Insert(
                    "(project_id, seq_no, decision_id, step, label, method, members, occurred_at, recorded_at,"
                            + " event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE,
                    TIMESTAMP_WITH_TIMEZONE,
                    VARCHAR),
            INFLUENCE,
            new Insert(
                    "(project_id, seq_no, decision_id, influence_id, member_id, kind, contribution_id,"
                            + " reflection_id, note, occurred_at, recorded_at, event_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE,
                    TIMESTAMP_WITH_TIMEZONE,
                    VARCHAR),
            DISCUSSION,
            new Insert(
                    "(project_id, seq_no, decision_id, contribution_id, member_id, occurred_at, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE,
                    TIMESTAMP_WITH_TIMEZONE),
            RETRACTION,
            new Insert(
                    "(project_id, seq_no, target, target_id, recorded_at) VALUES (?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE),
            MEMBER,
            new Insert(
                    "(project_id, seq_no, member_id, change, name, role, perspectives, occurred_at, recorded_at,"
                            + " event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE,
                    TIMESTAMP_WITH_TIMEZONE,
                    VARCHAR),
            PHASE,
            new Insert(
                    "(project_id, seq_no, phase_id, name, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                    VARCHAR,
                    BIGINT,
                    VARCHAR,
                    VARCHAR,
                    TIMESTAMP_WITH_TIMEZONE,
                    TIMESTAMP_WITH_TIMEZONE));

    /** Three text values: a pseudonym (or null), a project and a member. */
    private static final int[] TEXTS = {VARCHAR, VARCHAR, VARCHAR};

    private static final String PENDING = InfluenceProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final Sealing sealing;
    private final Vacuum vacuum;

    InfluenceProjection(JdbcTemplate jdbc, Sealing sealing, Vacuum vacuum) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.vacuum = vacuum;
    }

    @EventHandler
    void on(ProjectEvent event, DomainEventMessage<?> message) {
        String project = event.projectId();
        long seq = message.getSequenceNumber();
        OffsetDateTime occurred = Utc.of(event.occurredAt());
        OffsetDateTime recorded = Utc.of(RecordedTime.of(message));
        String eventId = RecordedTime.eventId(message);
        Pending pending = pending();
        if (event instanceof ProjectRegistered e) {
            pending.add(PROJECT, project, seq, e.title(), occurred, recorded);
        } else if (event instanceof PhaseStarted e) {
            pending.add(PHASE, project, seq, e.phaseId(), e.name(), occurred, recorded);
        } else if (event instanceof MemberJoined e) {
            pending.add(
                    MEMBER,
                    project,
                    seq,
                    e.memberId(),
                    "JOINED",
                    e.name(),
                    e.role(),
                    String.join(",", e.perspectives()),
                    occurred,
                    recorded,
                    eventId);
        } else if (event instanceof MemberRoleChanged e) {
            pending.add(
                    MEMBER,
                    project,
                    seq,
                    e.memberId(),
                    "CHANGED",
                    null,
                    e.role(),
                    String.join(",", e.perspectives()),
                    occurred,
                    recorded,
                    null);
        } else if (event instanceof MemberLeft e) {
            pending.add(MEMBER, project, seq, e.memberId(), "LEFT", null, null, null, occurred, recorded, null);
        } else if (event instanceof DecisionProposed e) {
            pending.add(
                    DECISION,
                    project,
                    seq,
                    e.decisionId(),
                    "PROPOSED",
                    e.title(),
                    null,
                    e.proposedBy(),
                    occurred,
                    recorded,
                    eventId);
        } else if (event instanceof DecisionMade e) {
            pending.add(
                    DECISION,
                    project,
                    seq,
                    e.decisionId(),
                    "MADE",
                    e.outcome(),
                    e.method().name(),
                    String.join(",", e.decidedBy()),
                    occurred,
                    recorded,
                    eventId);
        } else if (event instanceof DecisionRevised e) {
            pending.add(
                    DECISION,
                    project,
                    seq,
                    e.decisionId(),
                    "REVISED",
                    e.outcome(),
                    null,
                    "",
                    occurred,
                    recorded,
                    eventId);
        } else if (event instanceof InfluenceRecorded e) {
            pending.add(
                    INFLUENCE,
                    project,
                    seq,
                    e.decisionId(),
                    e.influenceId(),
                    e.memberId(),
                    e.kind().name(),
                    e.contributionId(),
                    e.reflectionId(),
                    e.note(),
                    occurred,
                    recorded,
                    eventId);
        } else if (event instanceof InfluenceRetracted e) {
            pending.add(RETRACTION, project, seq, "INFLUENCE", e.influenceId(), recorded);
        } else if (event instanceof ContributionRecorded e) {
            if (e.decisionId() != null) {
                pending.add(
                        DISCUSSION, project, seq, e.decisionId(), e.contributionId(), e.memberId(), occurred, recorded);
            }
        } else if (event instanceof ContributionRetracted e) {
            pending.add(RETRACTION, project, seq, "CONTRIBUTION", e.contributionId(), recorded);
        } else if (event instanceof ConsentWithdrawn e) {
            pending.withdrawn.add(new Object[] {sealing.withdrawnName(project, e.memberId()), project, e.memberId()});
            if (e.scope() == WithdrawalScope.ALL) {
                // The reader leaves the member out of every fact as known from this row's recorded_at.
                pending.add(MEMBER, project, seq, e.memberId(), EXCLUDED, null, null, null, occurred, recorded, null);
            }
        }
        // meetings, reflections and interviews do not bear on influence
    }

    /** TRUNCATE rather than DELETE: it drops a million rows at once instead of one by one. */
    @ResetHandler
    void reset() {
        INSERTS.keySet().forEach(table -> jdbc.execute("TRUNCATE TABLE " + table));
    }

    private Pending pending() {
        return BatchWrites.current(PENDING, Pending::new, this::write);
    }

    private void write(Pending pending) {
        pending.ranges.forEach((table, byProject) -> byProject.forEach((project, range) -> jdbc.update(
                "DELETE FROM " + table + " WHERE project_id = ? AND seq_no BETWEEN ? AND ?",
                project,
                range[0],
                range[1])));
        pending.rows.forEach((table, rows) -> {
            Insert insert = INSERTS.get(table);
            jdbc.batchUpdate("INSERT INTO " + table + " " + insert.sql(), rows, insert.types());
        });
        jdbc.batchUpdate(
                "UPDATE " + MEMBER + " SET name = ? WHERE project_id = ? AND member_id = ? AND name IS NOT NULL",
                pending.withdrawn,
                TEXTS);
        jdbc.batchUpdate(
                "UPDATE " + INFLUENCE + " SET note = NULL WHERE project_id = ? AND member_id = ?",
                pending.withdrawn.stream().map(w -> new Object[] {w[1], w[2]}).toList(),
                new int[] {VARCHAR, VARCHAR});
        if (!pending.withdrawn.isEmpty()) {
            vacuum.afterCommit(MEMBER, INFLUENCE);
        }
    }

    /** The columns and values of a table's insert, and the SQL type each value is bound as. */
    private record Insert(String sql, int... types) {}

    /**
     * The rows of one batch by table, and per table and project the sequence numbers its rows span.
     * An event has at most one row, always in the same table, so a redelivered batch only ever
     * finds rows of its own in the tables it writes to, within those spans.
     */
    private static final class Pending {
        final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        final Map<String, Map<String, long[]>> ranges = new HashMap<>();
        /** Pseudonym, project and member of each withdrawal of consent: purged after the inserts. */
        final List<Object[]> withdrawn = new ArrayList<>();

        void add(String table, String project, long seq, Object... values) {
            long[] range = ranges.computeIfAbsent(table, t -> new HashMap<>())
                    .computeIfAbsent(project, p -> new long[] {seq, seq});
            range[0] = Math.min(range[0], seq);
            range[1] = Math.max(range[1], seq);
            Object[] row = new Object[values.length + 2];
            row[0] = project;
            row[1] = seq;
            System.arraycopy(values, 0, row, 2, values.length);
            rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }
    }
}
