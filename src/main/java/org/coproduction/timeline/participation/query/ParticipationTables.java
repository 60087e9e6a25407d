package org.coproduction.timeline.participation.query;

import static org.coproduction.timeline.participation.query.ParticipationProjection.CATEGORIES;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.Exclusion;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.PhaseStart;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.platform.Utc;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Participation's facts read from its tables, as of any asOf: they hold the present record, and
 * {@link ParticipationReadModel} says when they may answer. Contributions come as counts.
 *
 * <p>A count row (a meeting and a member) is taken whole when its meeting is held by asOf, its
 * latest contribution occurred by asOf and the member's role or perspectives did not change between
 * its earliest and latest contribution; otherwise that meeting's contributions are read one by one.
 * Both reads run in the read model's one snapshot: the team and phases here, the rest in {@link
 * #countInto}.
 */
final class ParticipationTables implements ParticipationFacts {

    private static final IpaCategory[] CATEGORY = IpaCategory.values();

    private final JdbcTemplate jdbc;
    private final String projectId;
    private final PointInTime at;
    private final OffsetDateTime cut;
    private final Exclusion exclusion;
    private final TeamHistory team;
    private final TeamHistory everyone;
    private final PhaseCalendar phases;
    private final Map<String, List<Instant>> changeTimes = new HashMap<>();

    /** Reads the team and the phases. */
    ParticipationTables(JdbcTemplate jdbc, Sealing sealing, String projectId, PointInTime at) {
        this.jdbc = jdbc;
        this.projectId = projectId;
        this.at = at;
        Instant asOf = at.asOf();
        this.cut = Utc.of(asOf);
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
        this.exclusion = Exclusion.of(excluded);
        List<MemberChange> changes = exclusion.team(rows);
        List<MemberChange> changesByAsOf =
                changes.stream().filter(c -> !c.occurredAt().isAfter(asOf)).toList();
        this.phases = new PhaseCalendar(jdbc.query(
                "SELECT phase_id, name, occurred_at, seq_no FROM participation_phase WHERE project_id = ?"
                        + " AND occurred_at <= ?",
                (rs, n) -> new PhaseStart(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getLong(4)),
                projectId,
                cut));
        this.team = new TeamHistory(changesByAsOf);
        this.everyone = new TeamHistory(changes);
        changesByAsOf.forEach(c -> changeTimes
                .computeIfAbsent(c.memberId(), id -> new ArrayList<>())
                .add(c.occurredAt()));
    }

    @Override
    public PointInTime at() {
        return at;
    }

    @Override
    public TeamHistory team() {
        return team;
    }

    @Override
    public TeamHistory everyone() {
        return everyone;
    }

    @Override
    public PhaseCalendar phases() {
        return phases;
    }

    @Override
    public void countInto(Count count) {
        Map<String, Instant> meetingTimes = meetings(count);
        contributions(count, meetingTimes);
        decisions(count);
    }

    /** The meetings held by asOf, handed over; their times by id. */
    private Map<String, Instant> meetings(Count count) {
        Map<String, Instant> meetingTimes = new HashMap<>();
        jdbc.query(
                "SELECT meeting_id, attendees, occurred_at FROM participation_meeting WHERE project_id = ?"
                        + " AND occurred_at <= ?",
                rs -> {
                    Instant held = instant(rs, 3);
                    meetingTimes.put(rs.getString(1), held);
                    String attendees = rs.getString(2);
                    count.meeting(
                            held,
                            exclusion.remaining(attendees.isEmpty() ? List.of() : Arrays.asList(attendees.split(","))));
                },
                projectId,
                cut);
        return meetingTimes;
    }

    /** The contributions made by asOf, a count row whole where it can be, else one by one. */
    private void contributions(Count count, Map<String, Instant> meetingTimes) {
        Instant asOf = at.asOf();
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
                            count.spoke(memberId, CATEGORY[i], first, meetingAt, n);
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
                                Instant spokenAt = entry.occurredAt();
                                if (!spokenAt.isAfter(asOf)) {
                                    count.spoke(
                                            memberId,
                                            CATEGORY[entry.category()],
                                            spokenAt,
                                            meetingTimes.getOrDefault(meetingId, spokenAt),
                                            1);
                                }
                            }
                        }
                    },
                    projectId,
                    meetingId);
        }
    }

    /** Each decision's steps and influences by asOf, handed over decision by decision. */
    private void decisions(Count count) {
        Map<String, DecisionParts> decisions = new LinkedHashMap<>();
        jdbc.query(
                "SELECT decision_id, step, method, members, occurred_at, seq_no FROM participation_decision"
                        + " WHERE project_id = ? AND occurred_at <= ?",
                rs -> {
                    DecisionParts parts = decisions.computeIfAbsent(rs.getString(1), DecisionParts::new);
                    Instant stepAt = instant(rs, 5);
                    long seq = rs.getLong(6);
                    if ("PROPOSED".equals(rs.getString(2))) {
                        if (parts.proposal == null || seq > parts.proposal.order()) {
                            parts.proposal = new DecisionFacts.Proposal(null, rs.getString(4), stepAt, null, null, seq);
                        }
                    } else if (parts.made == null || seq > parts.made.order()) {
                        String members = rs.getString(4);
                        parts.made = new DecisionFacts.Made(
                                null,
                                DecisionMethod.valueOf(rs.getString(3)),
                                members.isEmpty() ? List.of() : Arrays.asList(members.split(",")),
                                stepAt,
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
        decisions.values().forEach(parts -> count.decision(exclusion.facts(parts.facts())));
    }

    /** Whether any of the member's changes took effect in (first, last]: then the row's contributions may differ in perspective. */
    private static boolean changesWithin(List<Instant> changes, Instant first, Instant last) {
        if (changes == null || !last.isAfter(first)) {
            return false;
        }
        for (Instant change : changes) {
            if (change.isAfter(first) && !change.isAfter(last)) {
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
