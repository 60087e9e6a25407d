package org.coproduction.timeline.influence.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.coproduction.timeline.api.DecisionMethod;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.DecisionFacts.Discussion;
import org.coproduction.timeline.fold.query.DecisionFacts.Influence;
import org.coproduction.timeline.fold.query.DecisionFacts.Made;
import org.coproduction.timeline.fold.query.DecisionFacts.Proposal;
import org.coproduction.timeline.fold.query.DecisionFacts.Revision;
import org.coproduction.timeline.fold.query.Exclusion;
import org.coproduction.timeline.fold.query.MemberChange;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.PhaseStart;
import org.coproduction.timeline.fold.query.TeamHistory;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionList;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.platform.Utc;
import org.coproduction.timeline.privacy.Sealing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the influence questions from the influence tables. The time semantics are in the SQL: a
 * row counts when recorded at or before knownAt and occurred at or before asOf, unless a retraction
 * of it was recorded at or before knownAt (whenever that retraction occurred).
 */
@Component
public class InfluenceReadModel {

    /** The name of the read model these answers come from (its processor's). */
    public static final String READ_MODEL = InfluenceProjection.PROCESSING_GROUP;

    private static final String VISIBLE = " AND occurred_at <= ? AND recorded_at <= ?";
    private static final String NOT_RETRACTED = " AND NOT EXISTS (SELECT 1 FROM influence_retraction r"
            + " WHERE r.project_id = x.project_id AND r.target = ? AND r.target_id = x.%s AND r.recorded_at <= ?)";

    private final JdbcTemplate jdbc;
    private final Sealing sealing;

    InfluenceReadModel(JdbcTemplate jdbc, Sealing sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
    }

    /** Who influenced the decision; 404 for a project or decision the store has never held. */
    public DecisionInfluencers influencers(String projectId, String decisionId, PointInTime at) {
        requireProject(projectId);
        Map<String, DecisionParts> parts = new LinkedHashMap<>();
        Boolean[] exists = {false};
        jdbc.query(
                "SELECT decision_id, step, label, method, members, occurred_at, recorded_at, event_id, seq_no,"
                        + " CASE WHEN occurred_at <= ? AND recorded_at <= ? THEN 1 ELSE 0 END AS visible"
                        + " FROM influence_decision WHERE project_id = ? AND decision_id = ? ORDER BY seq_no",
                rs -> {
                    exists[0] = true;
                    if (rs.getInt("visible") == 1) {
                        addStep(parts, rs);
                    }
                },
                Utc.of(at.asOf()),
                Utc.of(at.knownAt()),
                projectId,
                decisionId);
        if (!exists[0]) {
            throw RuleViolationException.notFound(
                    "decisionId", "decision " + decisionId + " was never proposed in project " + projectId);
        }
        DecisionParts decision = parts.computeIfAbsent(decisionId, DecisionParts::new);
        String where = " WHERE x.project_id = ? AND x.decision_id = ?";
        influences(where, at, projectId, decisionId).forEach(i -> decision.influences.add(i.fact()));
        decision.discussions.addAll(discussions(where, at, projectId, decisionId));
        DecisionFacts facts = exclusion(projectId, at).facts(decision.facts());
        Set<String> members = new LinkedHashSet<>();
        if (facts.proposal() != null && facts.proposal().proposedBy() != null) {
            members.add(facts.proposal().proposedBy());
        }
        facts.influences().forEach(i -> members.add(i.memberId()));
        return InfluenceAnswers.influencers(projectId, at, opened(projectId, facts), team(projectId, members, at));
    }

    /** The decisions proposed by asOf as known at knownAt, in the order proposed. */
    public DecisionList decisions(String projectId, PointInTime at) {
        requireProject(projectId);
        return new DecisionList(
                projectId,
                at.asOf(),
                at.knownAt(),
                allDecisions(projectId, at, exclusion(projectId, at)).stream()
                        .filter(facts -> facts.proposal() != null)
                        .sorted((a, b) -> DecisionFacts.IN_ORDER.compare(a.proposal(), b.proposal()))
                        .map(InfluenceAnswers::overview)
                        .toList());
    }

    /** Influences by member and by perspective, across decisions, in one phase when phaseId is given. */
    public InfluenceSummary summary(String projectId, PointInTime at, String phaseId) {
        requireProject(projectId);
        PhaseCalendar.Span period = null;
        if (phaseId != null) {
            PhaseCalendar phases = new PhaseCalendar(jdbc.query(
                    "SELECT phase_id, name, occurred_at, seq_no FROM influence_phase WHERE project_id = ?" + VISIBLE,
                    (rs, n) ->
                            new PhaseStart(rs.getString(1), rs.getString(2), instant(rs, "occurred_at"), rs.getLong(4)),
                    projectId,
                    Utc.of(at.asOf()),
                    Utc.of(at.knownAt())));
            period = phases.find(phaseId)
                    .orElseThrow(() -> RuleViolationException.notFound(
                            "phaseId",
                            "phase " + phaseId + " had not started by " + at.asOf() + " as known at " + at.knownAt()));
        }
        Exclusion exclusion = exclusion(projectId, at);
        return InfluenceAnswers.summary(
                projectId,
                at,
                allDecisions(projectId, at, exclusion),
                new TeamHistory(changes(projectId, at, memberId -> !exclusion.excludes(memberId))),
                period);
    }

    private void requireProject(String projectId) {
        if (jdbc.queryForList("SELECT 1 FROM influence_project WHERE project_id = ? FETCH FIRST 1 ROWS ONLY", projectId)
                .isEmpty()) {
            throw RuleViolationException.notFound("projectId", "project " + projectId + " is not registered");
        }
    }

    private Collection<DecisionFacts> allDecisions(String projectId, PointInTime at, Exclusion exclusion) {
        Map<String, DecisionParts> parts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT decision_id, step, label, method, members, occurred_at, recorded_at, event_id, seq_no"
                        + " FROM influence_decision WHERE project_id = ?" + VISIBLE + " ORDER BY seq_no",
                rs -> {
                    addStep(parts, rs);
                },
                projectId,
                Utc.of(at.asOf()),
                Utc.of(at.knownAt()));
        for (Keyed<Influence> influence : influences(" WHERE x.project_id = ?", at, projectId)) {
            parts.computeIfAbsent(influence.decisionId(), DecisionParts::new)
                    .influences
                    .add(influence.fact());
        }
        return parts.values().stream()
                .map(part -> exclusion.facts(part.facts()))
                .toList();
    }

    /** The facts with their influences' notes opened for the team (only who-influenced shows them). */
    private DecisionFacts opened(String projectId, DecisionFacts facts) {
        if (facts.influences().stream().allMatch(i -> i.note() == null)) {
            return facts;
        }
        return new DecisionFacts(
                facts.decisionId(),
                facts.proposal(),
                facts.made(),
                facts.revisions(),
                facts.influences().stream()
                        .map(i -> i.note() == null
                                ? i
                                : new Influence(
                                        i.influenceId(),
                                        i.memberId(),
                                        i.kind(),
                                        i.contributionId(),
                                        i.reflectionId(),
                                        sealing.note(projectId, i.memberId(), i.eventId(), i.note()),
                                        i.occurredAt(),
                                        i.recordedAt(),
                                        i.eventId(),
                                        i.order()))
                        .toList(),
                facts.discussions());
    }

    /** The members withdrawn with scope ALL as known at knownAt, whatever date their withdrawal took effect. */
    private Exclusion exclusion(String projectId, PointInTime at) {
        return Exclusion.of(jdbc.queryForList(
                "SELECT member_id FROM influence_member WHERE project_id = ? AND change = ? AND recorded_at <= ?",
                String.class,
                projectId,
                InfluenceProjection.EXCLUDED,
                Utc.of(at.knownAt())));
    }

    private List<Keyed<Influence>> influences(String where, PointInTime at, Object... keys) {
        return jdbc.query(
                "SELECT decision_id, influence_id, member_id, kind, contribution_id, reflection_id, note, occurred_at,"
                        + " recorded_at, event_id, seq_no FROM influence_record x" + where + VISIBLE
                        + NOT_RETRACTED.formatted("influence_id"),
                (rs, n) -> new Keyed<>(
                        rs.getString("decision_id"),
                        new Influence(
                                rs.getString("influence_id"),
                                rs.getString("member_id"),
                                InfluenceKind.valueOf(rs.getString("kind")),
                                rs.getString("contribution_id"),
                                rs.getString("reflection_id"),
                                rs.getString("note"),
                                instant(rs, "occurred_at"),
                                instant(rs, "recorded_at"),
                                rs.getString("event_id"),
                                rs.getLong("seq_no"))),
                args(keys, at, "INFLUENCE"));
    }

    private List<Discussion> discussions(String where, PointInTime at, Object... keys) {
        return jdbc.query(
                "SELECT contribution_id, member_id, occurred_at, seq_no FROM influence_discussion x" + where + VISIBLE
                        + NOT_RETRACTED.formatted("contribution_id"),
                (rs, n) -> new Discussion(
                        rs.getString("contribution_id"),
                        rs.getString("member_id"),
                        instant(rs, "occurred_at"),
                        rs.getLong("seq_no")),
                args(keys, at, "CONTRIBUTION"));
    }

    private static Object[] args(Object[] keys, PointInTime at, String retractionTarget) {
        Object[] args = Arrays.copyOf(keys, keys.length + 4);
        args[keys.length] = Utc.of(at.asOf());
        args[keys.length + 1] = Utc.of(at.knownAt());
        args[keys.length + 2] = retractionTarget;
        args[keys.length + 3] = Utc.of(at.knownAt());
        return args;
    }

    /** The changes of {@code memberIds} known at knownAt. */
    private TeamHistory team(String projectId, Collection<String> memberIds, PointInTime at) {
        if (memberIds.isEmpty()) {
            return new TeamHistory(List.of());
        }
        // The members are filtered here rather than with an IN list: a team is a few dozen rows, and
        // one statement text keeps the prepared statement cached whatever the number of members.
        return new TeamHistory(changes(projectId, at, memberIds::contains));
    }

    /**
     * The changes known at knownAt, by asOf, of the members {@code wanted} keeps; only their names
     * are opened.
     */
    private List<MemberChange> changes(String projectId, PointInTime at, Predicate<String> wanted) {
        List<MemberChange> changes = new ArrayList<>();
        jdbc.query(
                "SELECT member_id, change, name, role, perspectives, occurred_at, seq_no, event_id FROM influence_member"
                        + " WHERE project_id = ?" + VISIBLE + " AND change <> '" + InfluenceProjection.EXCLUDED + "'",
                rs -> {
                    String memberId = rs.getString("member_id");
                    if (!wanted.test(memberId)) {
                        return;
                    }
                    String perspectives = rs.getString("perspectives");
                    String name = rs.getString("name");
                    changes.add(new MemberChange(
                            memberId,
                            MemberChange.Kind.valueOf(rs.getString("change")),
                            name == null ? null : sealing.name(projectId, memberId, rs.getString("event_id"), name),
                            rs.getString("role"),
                            perspectives == null ? null : List.of(perspectives.split(",")),
                            instant(rs, "occurred_at"),
                            rs.getLong("seq_no")));
                },
                projectId,
                Utc.of(at.asOf()),
                Utc.of(at.knownAt()));
        return changes;
    }

    private static void addStep(Map<String, DecisionParts> parts, ResultSet rs) throws SQLException {
        DecisionParts decision = parts.computeIfAbsent(rs.getString("decision_id"), DecisionParts::new);
        Instant occurredAt = instant(rs, "occurred_at");
        Instant recordedAt = instant(rs, "recorded_at");
        String eventId = rs.getString("event_id");
        long seq = rs.getLong("seq_no");
        String label = rs.getString("label");
        String members = rs.getString("members");
        switch (rs.getString("step")) {
            case "PROPOSED" -> decision.proposal = new Proposal(label, members, occurredAt, recordedAt, eventId, seq);
            case "MADE" -> decision.made = new Made(
                    label,
                    DecisionMethod.valueOf(rs.getString("method")),
                    members.isEmpty() ? List.of() : List.of(members.split(",")),
                    occurredAt,
                    recordedAt,
                    eventId,
                    seq);
            default -> decision.revisions.add(new Revision(label, occurredAt, recordedAt, eventId, seq));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private record Keyed<T>(String decisionId, T fact) {}

    /** A decision's visible facts while they are read. */
    private static final class DecisionParts {
        final String decisionId;
        Proposal proposal;
        Made made;
        final List<Revision> revisions = new ArrayList<>();
        final List<Influence> influences = new ArrayList<>();
        final List<Discussion> discussions = new ArrayList<>();

        DecisionParts(String decisionId) {
            this.decisionId = decisionId;
        }

        DecisionFacts facts() {
            return new DecisionFacts(decisionId, proposal, made, revisions, influences, discussions);
        }
    }
}
