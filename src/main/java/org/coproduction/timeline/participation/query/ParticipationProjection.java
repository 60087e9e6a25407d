package org.coproduction.timeline.participation.query;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.coproduction.timeline.api.DecisionEvent.DecisionMade;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.MeetingEvent.MeetingHeld;
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
 * Keeps the participation tables for the present record: contributions as counts per meeting and
 * member (one per IPA category), meetings with their attendees, team changes, phase starts,
 * decisions proposed and made, and influences. A retraction takes its item out: a contribution's
 * count is decremented through the list of contributions its count row keeps ({@link
 * ContributionList}), an influence's row is deleted.
 *
 * <p>Everything a batch changes is collected in memory and written when the batch commits: a
 * statement per table, batched, plus one read of the counts the batch adds to. The processor keeps
 * a project's events in order on one segment, so a project's rows are only ever written by one
 * batch at a time; each project's row in {@code participation_project} holds the sequence number
 * applied up to, and an event at or below it (a redelivery) is skipped, which makes handling
 * idempotent. Every event of a project moves that mark, so a query can tell whether the read model
 * holds the project's whole stream.
 *
 * <p>Names are kept as the events hold them, sealed, with the id of their event; the reader opens
 * them ({@link Sealing#name}). A member's withdrawal of consent replaces their name with their
 * pseudonym. A withdrawal with scope ALL adds a member row of change
 * {@code EXCLUDED}, and the reader leaves that member out of every fact ({@link
 * org.coproduction.timeline.fold.query.Exclusion}).
 */
@Component
@ProcessingGroup(ParticipationProjection.PROCESSING_GROUP)
class ParticipationProjection {

    static final String PROCESSING_GROUP = "participation";

    static final List<String> TABLES = List.of(
            "participation_project",
            "participation_phase",
            "participation_member",
            "participation_meeting",
            "participation_count",
            "participation_decision",
            "participation_influence");

    static final int CATEGORIES = IpaCategory.values().length;

    /** The change of a member row that marks its member as withdrawn with scope ALL. */
    static final String EXCLUDED = "EXCLUDED";

    private static final String COUNT_COLUMNS;
    private static final String COUNT_UPDATE;
    /**
     * The SQL types of a count row's update (its counts, first and last times and contributions,
     * then its key) and of its insert (its key, then the rest).
     */
    private static final int[] COUNT_UPDATE_TYPES;

    private static final int[] COUNT_INSERT_TYPES;

    static {
        StringBuilder columns = new StringBuilder();
        StringBuilder update = new StringBuilder();
        for (int i = 1; i <= CATEGORIES; i++) {
            columns.append(i == 1 ? "" : ", ").append('c').append(i);
            update.append(i == 1 ? "" : ", ").append('c').append(i).append(" = ?");
        }
        COUNT_COLUMNS = columns.toString();
        COUNT_UPDATE = update.toString();
        int[] values = new int[CATEGORIES + 3];
        Arrays.fill(values, 0, CATEGORIES, INTEGER);
        values[CATEGORIES] = TIMESTAMP_WITH_TIMEZONE;
        values[CATEGORIES + 1] = TIMESTAMP_WITH_TIMEZONE;
        values[CATEGORIES + 2] = VARCHAR;
        int[] key = {VARCHAR, VARCHAR, VARCHAR};
        COUNT_UPDATE_TYPES =
                IntStream.concat(Arrays.stream(values), Arrays.stream(key)).toArray();
        COUNT_INSERT_TYPES =
                IntStream.concat(Arrays.stream(key), Arrays.stream(values)).toArray();
    }

    private static final String PENDING = ParticipationProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    private final Sealing sealing;
    private final Vacuum vacuum;

    ParticipationProjection(JdbcTemplate jdbc, Sealing sealing, Vacuum vacuum) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.vacuum = vacuum;
    }

    @EventHandler
    void on(ProjectEvent event, DomainEventMessage<?> message) {
        Batch batch = batch();
        String project = event.projectId();
        long seq = message.getSequenceNumber();
        if (!batch.admit(project, seq, RecordedTime.of(message))) {
            return;
        }
        OffsetDateTime at = Utc.of(event.occurredAt());
        if (event instanceof ContributionRecorded e) {
            batch.contributed(project, e.contributionId(), e.meetingId(), e.memberId(), e.category(), at);
        } else if (event instanceof ContributionRetracted e) {
            batch.contributionRetracted(project, e.contributionId());
        } else if (event instanceof MeetingHeld e) {
            batch.meetings.add(new Object[] {project, seq, e.meetingId(), String.join(",", e.attendees()), at});
        } else if (event instanceof InfluenceRecorded e) {
            batch.influences.add(new Object[] {
                project,
                seq,
                e.decisionId(),
                e.influenceId(),
                e.memberId(),
                e.kind().name(),
                at
            });
        } else if (event instanceof InfluenceRetracted e) {
            batch.influenceRetractions.add(new Object[] {project, e.influenceId()});
        } else if (event instanceof DecisionProposed e) {
            batch.decisions.add(new Object[] {project, seq, e.decisionId(), "PROPOSED", null, e.proposedBy(), at});
        } else if (event instanceof DecisionMade e) {
            batch.decisions.add(new Object[] {
                project, seq, e.decisionId(), "MADE", e.method().name(), String.join(",", e.decidedBy()), at
            });
        } else if (event instanceof PhaseStarted e) {
            batch.phases.add(new Object[] {project, seq, e.phaseId(), e.name(), at});
        } else if (event instanceof MemberJoined e) {
            // The name kept sealed, as the event holds it, with its event's id; the reader opens it.
            batch.members.add(new Object[] {
                project,
                seq,
                e.memberId(),
                "JOINED",
                e.name(),
                e.role(),
                String.join(",", e.perspectives()),
                at,
                RecordedTime.eventId(message)
            });
        } else if (event instanceof ConsentWithdrawn e) {
            batch.withdrawn.add(new Object[] {sealing.withdrawnName(project, e.memberId()), project, e.memberId()});
            if (e.scope() == WithdrawalScope.ALL) {
                // Kept, not deleted: the member's rows stay and the reader leaves them out (Exclusion).
                batch.members.add(new Object[] {project, seq, e.memberId(), EXCLUDED, null, null, null, at, null});
            }
        } else if (event instanceof MemberRoleChanged e) {
            batch.members.add(new Object[] {
                project, seq, e.memberId(), "CHANGED", null, e.role(), String.join(",", e.perspectives()), at, null
            });
        } else if (event instanceof MemberLeft e) {
            batch.members.add(new Object[] {project, seq, e.memberId(), "LEFT", null, null, null, at, null});
        }
        // Registration, closure, revisions, reflections and interviews only move the project's mark.
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.execute("TRUNCATE TABLE " + table));
    }

    private static Instant ceilMicros(Instant instant) {
        int nanos = instant.getNano() % 1000;
        return nanos == 0 ? instant : instant.plusNanos(1000 - nanos);
    }

    private Batch batch() {
        return BatchWrites.current(PENDING, Batch::new, this::write);
    }

    // ---- one batch

    /** How far a project's stream is applied: as stored, and with this batch. */
    private static final class Mark {
        final boolean stored;
        long lastSeq;
        OffsetDateTime lastRecordedAt;

        Mark(boolean stored, long lastSeq, OffsetDateTime lastRecordedAt) {
            this.stored = stored;
            this.lastSeq = lastSeq;
            this.lastRecordedAt = lastRecordedAt;
        }
    }

    private record CountKey(String project, String meetingId, String memberId) {}

    /** Added contributions per category (negative for retractions) and the bounds of those added. */
    private static final class Delta {
        final int[] byCategory = new int[CATEGORIES];
        OffsetDateTime first;
        OffsetDateTime last;

        void add(int category, int n, OffsetDateTime at) {
            byCategory[category] += n;
            if (at != null) {
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
    }

    private record Contribution(
            String project, String contributionId, String meetingId, String memberId, int category, OffsetDateTime at) {

        CountKey key() {
            return new CountKey(project, meetingId, memberId);
        }

        ContributionList.Entry entry() {
            return new ContributionList.Entry(contributionId, category, at.toInstant());
        }
    }

    private final class Batch {
        final Map<String, Mark> marks = new LinkedHashMap<>();
        final Map<CountKey, Delta> counts = new LinkedHashMap<>();
        final Map<List<String>, Contribution> contributions = new LinkedHashMap<>();
        final Map<String, List<String>> storedRetractions = new LinkedHashMap<>();
        final List<Object[]> meetings = new ArrayList<>();
        final List<Object[]> influences = new ArrayList<>();
        final List<Object[]> influenceRetractions = new ArrayList<>();
        final List<Object[]> decisions = new ArrayList<>();
        final List<Object[]> phases = new ArrayList<>();
        final List<Object[]> members = new ArrayList<>();
        /** Pseudonym, project and member of each withdrawal of consent: purged after the inserts. */
        final List<Object[]> withdrawn = new ArrayList<>();

        /** False for an event this project's mark has passed: already applied. */
        boolean admit(String project, long seq, Instant recordedAt) {
            Mark mark = marks.computeIfAbsent(project, ParticipationProjection.this::storedMark);
            if (seq <= mark.lastSeq) {
                return false;
            }
            mark.lastSeq = seq;
            // Rounded up to the microsecond, PostgreSQL's precision: a knownAt at or after the stored
            // mark is then never before the event's own recorded time.
            OffsetDateTime recorded = Utc.of(ceilMicros(recordedAt));
            if (mark.lastRecordedAt == null || recorded.isAfter(mark.lastRecordedAt)) {
                mark.lastRecordedAt = recorded;
            }
            return true;
        }

        void contributed(
                String project,
                String contributionId,
                String meetingId,
                String memberId,
                IpaCategory category,
                OffsetDateTime at) {
            Contribution c = new Contribution(project, contributionId, meetingId, memberId, category.ordinal(), at);
            contributions.put(List.of(project, contributionId), c);
            delta(project, meetingId, memberId).add(c.category(), 1, at);
        }

        void contributionRetracted(String project, String contributionId) {
            Contribution pending = contributions.remove(List.of(project, contributionId));
            if (pending != null) {
                delta(project, pending.meetingId(), pending.memberId()).add(pending.category(), -1, null);
            } else {
                storedRetractions
                        .computeIfAbsent(project, p -> new ArrayList<>())
                        .add(contributionId);
            }
        }

        Delta delta(String project, String meetingId, String memberId) {
            return counts.computeIfAbsent(new CountKey(project, meetingId, memberId), k -> new Delta());
        }
    }

    private Mark storedMark(String project) {
        List<Mark> stored = jdbc.query(
                "SELECT last_seq, last_recorded_at FROM participation_project WHERE project_id = ?",
                (rs, n) -> new Mark(true, rs.getLong(1), rs.getObject(2, OffsetDateTime.class)),
                project);
        return stored.isEmpty() ? new Mark(false, -1, null) : stored.get(0);
    }

    private void write(Batch batch) {
        // Contributions of earlier batches retracted in this one: found in their count rows' lists,
        // which a retraction (naming no meeting) reads for its whole project; retractions are rare.
        Map<CountKey, Set<String>> retracted = new HashMap<>();
        batch.storedRetractions.forEach((project, ids) -> {
            Set<String> wanted = new HashSet<>(ids);
            jdbc.query(
                    "SELECT meeting_id, member_id, contributions FROM participation_count WHERE project_id = ?",
                    rs -> {
                        String packed = rs.getString(3);
                        if (wanted.isEmpty() || wanted.stream().noneMatch(id -> ContributionList.mayHold(packed, id))) {
                            return;
                        }
                        for (ContributionList.Entry entry : ContributionList.parse(packed)) {
                            if (wanted.remove(entry.contributionId())) {
                                CountKey key = new CountKey(project, rs.getString(1), rs.getString(2));
                                batch.delta(key.project(), key.meetingId(), key.memberId())
                                        .add(entry.category(), -1, null);
                                retracted
                                        .computeIfAbsent(key, k -> new HashSet<>())
                                        .add(entry.contributionId());
                            }
                        }
                    },
                    project);
        });
        Map<CountKey, List<ContributionList.Entry>> added = new HashMap<>();
        batch.contributions.values().forEach(c -> added.computeIfAbsent(c.key(), k -> new ArrayList<>())
                .add(c.entry()));
        writeCounts(batch.counts, added, retracted);
        batchUpdate(
                "INSERT INTO participation_meeting (project_id, seq_no, meeting_id, attendees, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                batch.meetings,
                VARCHAR,
                BIGINT,
                VARCHAR,
                VARCHAR,
                TIMESTAMP_WITH_TIMEZONE);
        batchUpdate(
                "INSERT INTO participation_influence (project_id, seq_no, decision_id, influence_id, member_id, kind,"
                        + " occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                batch.influences,
                VARCHAR,
                BIGINT,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                TIMESTAMP_WITH_TIMEZONE);
        batchUpdate(
                "DELETE FROM participation_influence WHERE project_id = ? AND influence_id = ?",
                batch.influenceRetractions,
                VARCHAR,
                VARCHAR);
        batchUpdate(
                "INSERT INTO participation_decision (project_id, seq_no, decision_id, step, method, members,"
                        + " occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                batch.decisions,
                VARCHAR,
                BIGINT,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                TIMESTAMP_WITH_TIMEZONE);
        batchUpdate(
                "INSERT INTO participation_phase (project_id, seq_no, phase_id, name, occurred_at) VALUES (?, ?, ?, ?, ?)",
                batch.phases,
                VARCHAR,
                BIGINT,
                VARCHAR,
                VARCHAR,
                TIMESTAMP_WITH_TIMEZONE);
        batchUpdate(
                "INSERT INTO participation_member (project_id, seq_no, member_id, change, name, role, perspectives,"
                        + " occurred_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.members,
                VARCHAR,
                BIGINT,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                VARCHAR,
                TIMESTAMP_WITH_TIMEZONE,
                VARCHAR);
        batchUpdate(
                "UPDATE participation_member SET name = ? WHERE project_id = ? AND member_id = ? AND name IS NOT NULL",
                batch.withdrawn,
                VARCHAR,
                VARCHAR,
                VARCHAR);
        if (!batch.withdrawn.isEmpty()) {
            vacuum.afterCommit("participation_member");
        }
        List<Object[]> insertMarks = new ArrayList<>();
        List<Object[]> updateMarks = new ArrayList<>();
        batch.marks.forEach((project, mark) -> {
            if (mark.lastRecordedAt != null) {
                (mark.stored ? updateMarks : insertMarks)
                        .add(
                                mark.stored
                                        ? new Object[] {mark.lastSeq, mark.lastRecordedAt, project}
                                        : new Object[] {project, mark.lastSeq, mark.lastRecordedAt});
            }
        });
        batchUpdate(
                "UPDATE participation_project SET last_seq = ?, last_recorded_at = ? WHERE project_id = ?",
                updateMarks,
                BIGINT,
                TIMESTAMP_WITH_TIMEZONE,
                VARCHAR);
        batchUpdate(
                "INSERT INTO participation_project (project_id, last_seq, last_recorded_at) VALUES (?, ?, ?)",
                insertMarks,
                VARCHAR,
                BIGINT,
                TIMESTAMP_WITH_TIMEZONE);
    }

    /**
     * Adds the deltas to the stored counts, and the added and retracted contributions to their lists:
     * one read of the rows they touch, then updates and inserts.
     */
    private void writeCounts(
            Map<CountKey, Delta> deltas,
            Map<CountKey, List<ContributionList.Entry>> added,
            Map<CountKey, Set<String>> retracted) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<String, List<String>> meetingsByProject = new LinkedHashMap<>();
        deltas.keySet().forEach(key -> {
            List<String> meetings = meetingsByProject.computeIfAbsent(key.project(), p -> new ArrayList<>());
            if (!meetings.contains(key.meetingId())) {
                meetings.add(key.meetingId());
            }
        });
        Map<CountKey, Object[]> stored = new HashMap<>();
        Map<CountKey, String> storedLists = new HashMap<>();
        // A query per meeting: H2 reads an IN list on the key's second column by scanning the whole
        // project's rows, a batch touches a handful of meetings, and this reads only theirs.
        meetingsByProject.forEach((project, meetings) -> {
            for (String meeting : meetings) {
                jdbc.query(
                        "SELECT member_id, " + COUNT_COLUMNS + ", first_at, last_at, contributions"
                                + " FROM participation_count WHERE project_id = ? AND meeting_id = ?",
                        rs -> {
                            CountKey key = new CountKey(project, meeting, rs.getString(1));
                            if (deltas.containsKey(key)) {
                                stored.put(key, countRow(rs));
                                storedLists.put(key, rs.getString(4 + CATEGORIES));
                            }
                        },
                        project,
                        meeting);
            }
        });
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            Object[] row = stored.get(key);
            Object[] values = new Object[CATEGORIES + 3];
            for (int i = 0; i < CATEGORIES; i++) {
                values[i] = (row == null ? 0 : (Integer) row[i]) + delta.byCategory[i];
            }
            OffsetDateTime first = row == null ? null : (OffsetDateTime) row[CATEGORIES];
            OffsetDateTime last = row == null ? null : (OffsetDateTime) row[CATEGORIES + 1];
            if (delta.first != null) {
                first = first == null || delta.first.isBefore(first) ? delta.first : first;
                last = last == null || delta.last.isAfter(last) ? delta.last : last;
            }
            values[CATEGORIES] = first;
            values[CATEGORIES + 1] = last;
            values[CATEGORIES + 2] =
                    contributions(storedLists.getOrDefault(key, ""), added.get(key), retracted.get(key));
            if (row != null) {
                updates.add(concat(values, key.project(), key.meetingId(), key.memberId()));
            } else if (first != null) {
                inserts.add(concat(new Object[] {key.project(), key.meetingId(), key.memberId()}, values));
            }
            // else: a retraction of a contribution the read model never held; nothing to take away
        });
        batchUpdate(
                "UPDATE participation_count SET " + COUNT_UPDATE + ", first_at = ?, last_at = ?, contributions = ?"
                        + " WHERE project_id = ? AND meeting_id = ? AND member_id = ?",
                updates,
                COUNT_UPDATE_TYPES);
        batchUpdate(
                "INSERT INTO participation_count (project_id, meeting_id, member_id, " + COUNT_COLUMNS
                        + ", first_at, last_at, contributions) VALUES (" + marks(CATEGORIES + 6) + ")",
                inserts,
                COUNT_INSERT_TYPES);
    }

    /** A count row's list after this batch: the stored one less what it retracts, plus what it adds. */
    private static String contributions(String stored, List<ContributionList.Entry> added, Set<String> retracted) {
        List<ContributionList.Entry> more = added == null ? List.of() : added;
        if (retracted == null) {
            return ContributionList.append(stored, more);
        }
        List<ContributionList.Entry> kept = new ArrayList<>(ContributionList.parse(stored));
        kept.removeIf(entry -> retracted.contains(entry.contributionId()));
        kept.addAll(more);
        return ContributionList.pack(kept);
    }

    /** The counts and bounds of a row read as member, counts, first, last. */
    private static Object[] countRow(ResultSet rs) throws SQLException {
        Object[] row = new Object[CATEGORIES + 2];
        for (int i = 0; i < CATEGORIES; i++) {
            row[i] = rs.getInt(2 + i);
        }
        row[CATEGORIES] = rs.getObject(2 + CATEGORIES, OffsetDateTime.class);
        row[CATEGORIES + 1] = rs.getObject(3 + CATEGORIES, OffsetDateTime.class);
        return row;
    }

    /** Rows as one JDBC batch, each value bound as the SQL type at its place in {@code types}. */
    private void batchUpdate(String sql, List<Object[]> rows, int... types) {
        jdbc.batchUpdate(sql, rows, types);
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
