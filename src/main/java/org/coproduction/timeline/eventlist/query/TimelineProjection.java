package org.coproduction.timeline.eventlist.query;

import static java.sql.Types.BIGINT;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.Mentions;
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
 * Keeps {@code timeline_entry} (one row per event: what the timeline filters and orders by, not the
 * event's data, which {@link TimelineQuery} reads from the store for the page it answers), {@code
 * timeline_member_name} (one row per join) and {@code timeline_phase}. Rows of one processor batch
 * are written together in JDBC batches when the batch commits, with the processor's token, so a
 * rebuild streams at the speed of the store.
 *
 * <p>{@code timeline_entry} is keyed in the order the timeline reads it (project, occurred, recorded,
 * sequence) and has no second index on top of that key. Handling is idempotent through a
 * mark per project ({@code timeline_project}: the sequence number applied up to), which works
 * because a project's events stay in order on one segment (Axon's default sequencing policy): an
 * event at or below its project's mark (a redelivery) is skipped.
 *
 * <p>Names are kept as the events hold them, sealed, with the id of their event, and opened for the
 * page ({@link Sealing#name}); a member's withdrawal of consent replaces their name with their
 * pseudonym. A withdrawal with scope ALL takes the member off the
 * timeline: the entries about them (their joining, changes and departure, turns, influences,
 * reflections, codings, interviews of them, the withdrawal itself) and their name row go, and the
 * timeline names only the members it holds a name for ({@link TimelineQuery}).
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
class TimelineProjection {

    static final String PROCESSING_GROUP = "timeline";
    private static final String PENDING = TimelineProjection.class.getName() + ".pending";

    /** The types whose entry is about the member its event names first. */
    private static final List<String> ABOUT_THE_MEMBER = List.of(
            "MemberJoined",
            "MemberRoleChanged",
            "MemberLeft",
            "ContributionRecorded",
            "InfluenceRecorded",
            "ReflectionWritten",
            "ReflectionCoded",
            "PassageCoded",
            "InterviewRecorded",
            "ConsentWithdrawn");

    private final JdbcTemplate jdbc;

    private final Sealing sealing;
    private final Vacuum vacuum;

    TimelineProjection(JdbcTemplate jdbc, Sealing sealing, Vacuum vacuum) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.vacuum = vacuum;
    }

    @EventHandler
    void on(ProjectEvent event, DomainEventMessage<?> message) {
        Batch batch = batch();
        String project = event.projectId();
        long seq = message.getSequenceNumber();
        if (!batch.admit(project, seq)) {
            return;
        }
        batch.entries.add(new Object[] {
            project,
            seq,
            RecordedTime.eventId(message),
            EventCatalogue.nameOf(event),
            Utc.of(event.occurredAt()),
            Utc.of(RecordedTime.of(message)),
            "," + String.join(",", Mentions.membersOf(event)) + ","
        });
        if (event instanceof MemberJoined joined) {
            // Kept sealed, as the event holds it; TimelineQuery opens it for the page.
            batch.names.add(
                    new Object[] {project, seq, joined.memberId(), joined.name(), RecordedTime.eventId(message)});
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            batch.withdrawn.add(
                    new Object[] {sealing.withdrawnName(project, withdrawn.memberId()), project, withdrawn.memberId()});
            if (withdrawn.scope() == WithdrawalScope.ALL) {
                batch.excluded.add(new Object[] {project, withdrawn.memberId()});
            }
        } else if (event instanceof PhaseStarted phase) {
            batch.phases.put(
                    List.of(project, phase.phaseId()),
                    new Object[] {project, phase.phaseId(), phase.name(), Utc.of(phase.occurredAt()), seq});
        }
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
        jdbc.execute("TRUNCATE TABLE timeline_project");
    }

    private Batch batch() {
        return BatchWrites.current(PENDING, Batch::new, this::write);
    }

    /** What one batch writes, and per project the sequence number applied up to: as stored, and now. */
    private final class Batch {
        final Map<String, long[]> marks = new LinkedHashMap<>();
        final Set<String> stored = new HashSet<>();
        final List<Object[]> entries = new ArrayList<>();
        final List<Object[]> names = new ArrayList<>();
        /** Pseudonym, project and member of each withdrawal of consent: purged after the inserts. */
        final List<Object[]> withdrawn = new ArrayList<>();
        /** Project and member of each withdrawal with scope ALL: taken off the timeline after the inserts. */
        final List<Object[]> excluded = new ArrayList<>();

        final Map<List<String>, Object[]> phases = new LinkedHashMap<>();

        /** False for an event its project's mark has passed: already applied. */
        boolean admit(String project, long seq) {
            long[] mark = marks.computeIfAbsent(project, this::storedMark);
            if (seq <= mark[0]) {
                return false;
            }
            mark[0] = seq;
            return true;
        }

        private long[] storedMark(String project) {
            List<Long> mark = jdbc.queryForList(
                    "SELECT last_seq FROM timeline_project WHERE project_id = ?", Long.class, project);
            if (mark.isEmpty()) {
                return new long[] {-1};
            }
            stored.add(project);
            return new long[] {mark.get(0)};
        }
    }

    private static Object[] aboutTheMember(String project, String memberId) {
        List<Object> args = new ArrayList<>(List.of(project, "," + TimelineQuery.likeLiteral(memberId) + ",%"));
        args.addAll(ABOUT_THE_MEMBER);
        return args.toArray();
    }

    private void write(Batch batch) {
        jdbc.batchUpdate(
                "INSERT INTO timeline_entry (project_id, seq_no, event_id, type, occurred_at, recorded_at,"
                        + " member_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                batch.entries,
                new int[] {VARCHAR, BIGINT, VARCHAR, VARCHAR, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITH_TIMEZONE, VARCHAR
                });
        jdbc.batchUpdate(
                "INSERT INTO timeline_member_name (project_id, seq_no, member_id, name, event_id) VALUES (?, ?, ?, ?, ?)",
                batch.names,
                new int[] {VARCHAR, BIGINT, VARCHAR, VARCHAR, VARCHAR});
        jdbc.batchUpdate(
                "UPDATE timeline_member_name SET name = ? WHERE project_id = ? AND member_id = ?",
                batch.withdrawn,
                new int[] {VARCHAR, VARCHAR, VARCHAR});
        jdbc.batchUpdate(
                "DELETE FROM timeline_member_name WHERE project_id = ? AND member_id = ?",
                batch.excluded,
                new int[] {VARCHAR, VARCHAR});
        List<Object[]> aboutTheExcluded = batch.excluded.stream()
                .map(e -> aboutTheMember((String) e[0], (String) e[1]))
                .toList();
        int[] texts = new int[2 + ABOUT_THE_MEMBER.size()];
        Arrays.fill(texts, VARCHAR);
        jdbc.batchUpdate(
                "DELETE FROM timeline_entry WHERE project_id = ? AND member_ids LIKE ? ESCAPE '\\' AND type IN ("
                        + String.join(
                                ", ", ABOUT_THE_MEMBER.stream().map(t -> "?").toList())
                        + ")",
                aboutTheExcluded,
                texts);
        if (!batch.withdrawn.isEmpty()) {
            vacuum.afterCommit("timeline_member_name");
        }
        // A phase started again (a correction) replaces its row.
        jdbc.batchUpdate(
                "DELETE FROM timeline_phase WHERE project_id = ? AND phase_id = ?",
                batch.phases.keySet().stream().map(List::toArray).toList(),
                new int[] {VARCHAR, VARCHAR});
        jdbc.batchUpdate(
                "INSERT INTO timeline_phase (project_id, phase_id, name, started_at, seq_no) VALUES (?, ?, ?, ?, ?)",
                List.copyOf(batch.phases.values()),
                new int[] {VARCHAR, VARCHAR, VARCHAR, TIMESTAMP_WITH_TIMEZONE, BIGINT});
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        batch.marks.forEach((project, mark) -> {
            if (batch.stored.contains(project)) {
                updates.add(new Object[] {mark[0], project});
            } else if (mark[0] >= 0) {
                inserts.add(new Object[] {project, mark[0]});
            }
        });
        jdbc.batchUpdate(
                "UPDATE timeline_project SET last_seq = ? WHERE project_id = ?", updates, new int[] {BIGINT, VARCHAR});
        jdbc.batchUpdate(
                "INSERT INTO timeline_project (project_id, last_seq) VALUES (?, ?)", inserts, new int[] {VARCHAR, BIGINT
                });
    }
}
