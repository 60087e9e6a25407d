package org.coproduction.timeline.participation.query;

import static org.coproduction.timeline.participation.query.ParticipationProjection.CATEGORIES;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduction.timeline.access.ProjectAccess;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.Exclusion;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.PhaseStart;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.platform.Utc;
import org.coproduction.timeline.platform.axon.ReadYourWrites;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participation tables read back into a {@link ParticipationFold}, which then works the windows
 * out exactly as it does from a project's history: the same facts, with contributions handed over
 * as counts.
 *
 * <p>The tables hold the present record, so they answer for a knownAt at or after the latest
 * recorded time of the project's events, and only once they hold the project's whole stream. When
 * the processor is behind the event store for the project (a command just stored an event; asked of
 * the processor's token by {@link ReadYourWrites}, as every read model's question is) the
 * question waits up to {@code timeline.participation.catch-up-wait} (default 500 ms) for it to catch
 * up; past that, or for an earlier knownAt, or while the processor has not reached the project at
 * all (a rebuild), the answer is empty and the caller folds the events instead.
 *
 * <p>A count row (a meeting and a member) is taken whole when its meeting is held by asOf, its
 * latest contribution occurred by asOf and the member's role or perspectives did not change between
 * its earliest and latest contribution; otherwise that meeting's contributions are read one by one.
 */
@Component
public class ParticipationReadModel {

    private static final IpaCategory[] CATEGORY = IpaCategory.values();

    private final JdbcTemplate jdbc;
    private final Sealing sealing;
    private final TransactionTemplate snapshot;
    private final Duration catchUpWait;
    private final ReadYourWrites readYourWrites;
    private final ProjectAccess projects;

    ParticipationReadModel(
            JdbcTemplate jdbc,
            Sealing sealing,
            PlatformTransactionManager transactions,
            ReadYourWrites readYourWrites,
            ProjectAccess projects,
            @Value("${timeline.participation.catch-up-wait:PT0.5S}") Duration catchUpWait) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
        this.projects = projects;
        this.sealing = sealing;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.catchUpWait = catchUpWait;
    }

    /**
     * The project's facts as of asOf as the record stands at knownAt, when the tables can tell them;
     * empty when the events must be folded instead. 404 for a project the store has no event of.
     */
    public Optional<ParticipationFold> fold(String projectId, Instant asOf, Instant knownAt) {
        // Wait for what was stored before the question, not for what keeps arriving meanwhile.
        boolean caughtUp = readYourWrites.caughtUp(ParticipationProjection.PROCESSING_GROUP, projectId, catchUpWait);
        Optional<ParticipationFold> answer =
                caughtUp ? snapshot.execute(tx -> read(projectId, asOf, knownAt)) : Optional.empty();
        if (answer.isEmpty() && caughtUp && !projects.isRegistered(projectId)) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
        return answer;
    }

    /**
     * The answer from the tables, which hold the project's whole stream once the processor's token
     * has passed the project's latest event; empty when they do not hold the project (a rebuild has
     * not reached it) or the record as it stood at knownAt is older than the tables' present.
     */
    private Optional<ParticipationFold> read(String projectId, Instant asOf, Instant knownAt) {
        List<OffsetDateTime> latestRecording = jdbc.query(
                "SELECT last_recorded_at FROM participation_project WHERE project_id = ?",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class),
                projectId);
        if (latestRecording.isEmpty() || knownAt.isBefore(latestRecording.get(0).toInstant())) {
            return Optional.empty();
        }
        return Optional.of(facts(projectId, asOf, knownAt));
    }

    private ParticipationFold facts(String projectId, Instant asOf, Instant knownAt) {
        OffsetDateTime cut = Utc.of(asOf);
        Set<String> excluded = new HashSet<>();
        List<MemberChange> rows = new ArrayList<>();
        jdbc.query(
                "SELECT member_id, change, name, role, perspectives, occurred_at, seq_no, event_id"
                        + " FROM participation_member WHERE project_id = ?",
                rs -> {
                    String memberId = rs.getString(1);
                    if (ParticipationProjection.EXCLUDED.equals(rs.getString(2))) {
                        excluded.add(memberId);
                    } else {
                        String name = rs.getString(3);
                        rows.add(new MemberChange(
                                memberId,
                                MemberChange.Kind.valueOf(rs.getString(2)),
                                name == null ? null : sealing.name(projectId, memberId, rs.getString(8), name),
                                rs.getString(4),
                                perspectives(rs.getString(5)),
                                instant(rs, 6),
                                rs.getLong(7)));
                    }
                },
                projectId);
        Exclusion exclusion = Exclusion.of(excluded);
        List<MemberChange> changes = exclusion.team(rows);
        List<MemberChange> changesByAsOf =
                changes.stream().filter(c -> !c.occurredAt().isAfter(asOf)).toList();
        List<PhaseStart> phases = jdbc.query(
                "SELECT phase_id, name, occurred_at, seq_no FROM participation_phase WHERE project_id = ?"
                        + " AND occurred_at <= ?",
                (rs, n) -> new PhaseStart(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getLong(4)),
                projectId,
                cut);
        TeamHistory team = new TeamHistory(changesByAsOf);
        ParticipationFold fold =
                new ParticipationFold(asOf, knownAt, team, new TeamHistory(changes), new PhaseCalendar(phases));

        Map<String, Instant> meetingTimes = new HashMap<>();
        jdbc.query(
                "SELECT meeting_id, attendees, occurred_at FROM participation_meeting WHERE project_id = ?"
                        + " AND occurred_at <= ?",
                rs -> {
                    Instant at = instant(rs, 3);
                    meetingTimes.put(rs.getString(1), at);
                    String attendees = rs.getString(2);
                    fold.meeting(
                            at,
                            exclusion.remaining(attendees.isEmpty() ? List.of() : Arrays.asList(attendees.split(","))));
                },
                projectId,
                cut);

        Map<String, List<Instant>> changeTimes = new HashMap<>();
        changesByAsOf.forEach(c -> changeTimes
                .computeIfAbsent(c.memberId(), id -> new ArrayList<>())
                .add(c.occurredAt()));
        Set<List<String>> oneByOne = new HashSet<>();
        List<String> oneByOneMeetings = new ArrayList<>();
        jdbc.query(
                "SELECT meeting_id, member_id, " + columns() + ", first_at, last_at FROM participation_count"
                        + " WHERE project_id = ? AND first_at <= ?",
                rs -> {
                    String meetingId = rs.getString(1);
                    String memberId = rs.getString(2);
                    if (exclusion.excludes(memberId)) {
                        return;
                    }
                    Instant first = instant(rs, 3 + CATEGORIES);
                    Instant last = instant(rs, 4 + CATEGORIES);
                    Instant meetingAt = meetingTimes.get(meetingId);
                    if (meetingAt == null
                            || last.isAfter(asOf)
                            || changesWithin(changeTimes.get(memberId), first, last)) {
                        if (oneByOne.add(List.of(meetingId, memberId)) && !oneByOneMeetings.contains(meetingId)) {
                            oneByOneMeetings.add(meetingId);
                        }
                        return;
                    }
                    for (int i = 0; i < CATEGORIES; i++) {
                        int n = rs.getInt(3 + i);
                        if (n > 0) {
                            fold.spoke(memberId, CATEGORY[i], first, meetingAt, n);
                        }
                    }
                },
                projectId,
                cut);
        // A query per meeting (a few): H2 reads an IN list on the key's second column by scanning the
        // whole project's rows.
        for (String meetingId : oneByOneMeetings) {
            jdbc.query(
                    "SELECT member_id, contributions FROM participation_count WHERE project_id = ? AND meeting_id = ?",
                    rs -> {
                        String memberId = rs.getString(1);
                        if (oneByOne.contains(List.of(meetingId, memberId))) {
                            for (ContributionList.Entry entry : ContributionList.parse(rs.getString(2))) {
                                Instant at = entry.occurredAt();
                                if (!at.isAfter(asOf)) {
                                    fold.spoke(
                                            memberId,
                                            CATEGORY[entry.category()],
                                            at,
                                            meetingTimes.getOrDefault(meetingId, at),
                                            1);
                                }
                            }
                        }
                    },
                    projectId,
                    meetingId);
        }

        Map<String, DecisionParts> decisions = new LinkedHashMap<>();
        jdbc.query(
                "SELECT decision_id, step, method, members, occurred_at, seq_no FROM participation_decision"
                        + " WHERE project_id = ? AND occurred_at <= ?",
                rs -> {
                    DecisionParts parts = decisions.computeIfAbsent(rs.getString(1), DecisionParts::new);
                    Instant at = instant(rs, 5);
                    long seq = rs.getLong(6);
                    if ("PROPOSED".equals(rs.getString(2))) {
                        if (parts.proposal == null || seq > parts.proposal.order()) {
                            parts.proposal = new DecisionFacts.Proposal(null, rs.getString(4), at, null, null, seq);
                        }
                    } else if (parts.made == null || seq > parts.made.order()) {
                        String members = rs.getString(4);
                        parts.made = new DecisionFacts.Made(
                                null,
                                DecisionMethod.valueOf(rs.getString(3)),
                                members.isEmpty() ? List.of() : Arrays.asList(members.split(",")),
                                at,
                                null,
                                null,
                                seq);
                    }
                },
                projectId,
                cut);
        jdbc.query(
                "SELECT decision_id, influence_id, member_id, kind, occurred_at, seq_no FROM participation_influence"
                        + " WHERE project_id = ? AND occurred_at <= ?",
                rs -> {
                    decisions
                            .computeIfAbsent(rs.getString(1), DecisionParts::new)
                            .influences
                            .add(new DecisionFacts.Influence(
                                    rs.getString(2),
                                    rs.getString(3),
                                    InfluenceKind.valueOf(rs.getString(4)),
                                    null,
                                    null,
                                    null,
                                    instant(rs, 5),
                                    null,
                                    null,
                                    rs.getLong(6)));
                },
                projectId,
                cut);
        decisions.values().forEach(parts -> fold.decision(exclusion.facts(parts.facts())));
        return fold;
    }

    /** Whether any of the member's changes took effect in (first, last]: then the row's contributions may differ in perspective. */
    private static boolean changesWithin(List<Instant> changes, Instant first, Instant last) {
        if (changes == null || !last.isAfter(first)) {
            return false;
        }
        for (Instant at : changes) {
            if (at.isAfter(first) && !at.isAfter(last)) {
                return true;
            }
        }
        return false;
    }

    private static final class DecisionParts {
        final String decisionId;
        DecisionFacts.Proposal proposal;
        DecisionFacts.Made made;
        final List<DecisionFacts.Influence> influences = new ArrayList<>();

        DecisionParts(String decisionId) {
            this.decisionId = decisionId;
        }

        DecisionFacts facts() {
            return new DecisionFacts(decisionId, proposal, made, List.of(), influences, List.of());
        }
    }

    private static String columns() {
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= CATEGORIES; i++) {
            columns.append(i == 1 ? "" : ", ").append('c').append(i);
        }
        return columns.toString();
    }

    private static List<String> perspectives(String joined) {
        return joined == null ? null : joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
