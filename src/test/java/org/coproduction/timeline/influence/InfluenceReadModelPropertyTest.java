package org.coproduction.timeline.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.coproduction.timeline.api.DecisionEvent;
import org.coproduction.timeline.api.DecisionEvent.DecisionProposed;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRecorded;
import org.coproduction.timeline.api.DecisionEvent.InfluenceRetracted;
import org.coproduction.timeline.api.InfluenceKind;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.LifecycleEvent.MemberLeft;
import org.coproduction.timeline.api.LifecycleEvent.MemberRoleChanged;
import org.coproduction.timeline.api.LifecycleEvent.PhaseStarted;
import org.coproduction.timeline.api.LifecycleEvent.ProjectRegistered;
import org.coproduction.timeline.api.MeetingEvent.ContributionRecorded;
import org.coproduction.timeline.api.MeetingEvent.ContributionRetracted;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.fold.query.PhaseCalendar;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.influence.GeneratedHistory.Line;
import org.coproduction.timeline.influence.api.DecisionInfluencers;
import org.coproduction.timeline.influence.api.DecisionInfluencers.Influencer;
import org.coproduction.timeline.influence.api.DecisionList;
import org.coproduction.timeline.influence.api.DecisionOverview;
import org.coproduction.timeline.influence.api.InfluenceSummary;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.testing.SameAnswer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model against a from-scratch fold, on generated histories: for random (asOf, knownAt)
 * its answers equal those of a {@link ProjectHistory} built straight from the generated events
 * (never from the store) and answered through the same counting rules. A third, brute-force
 * count over the raw events checks the counting rules themselves.
 *
 * <p>All histories go into one context as projects of their own, in two imports with their lines
 * interleaved, so the processor's batches mix projects and a project's stream grows in two runs.
 * The seeds are fixed: a failure names its seed and prints the history.
 */
@SpringBootTest
class InfluenceReadModelPropertyTest {

    private static final long FIRST_SEED = 20_240_601L;
    private static final int HISTORIES = 50;
    private static final int ASKS_PER_HISTORY = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The tables InfluenceProjection writes one row per kept event into. */
    private static final List<String> TABLES = List.of(
            "influence_project",
            "influence_decision",
            "influence_record",
            "influence_discussion",
            "influence_retraction",
            "influence_member",
            "influence_phase");

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    InfluenceReadModel readModel;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> readModelAnswersAsTheFoldOfTheEventsKnownAtKnownAt() throws IOException {
        List<GeneratedHistory> histories = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            long seed = FIRST_SEED + i;
            histories.add(new GeneratedHistory("influence-property-" + seed, seed));
        }
        Random shuffle = new Random(FIRST_SEED);
        GeneratedHistory.importInterleaved(
                importer, dir, histories, h -> 0, h -> h.lines().size() * 2 / 3, shuffle, "first.jsonl");
        GeneratedHistory.importInterleaved(
                importer,
                dir,
                histories,
                h -> h.lines().size() * 2 / 3,
                h -> h.lines().size(),
                shuffle,
                "second.jsonl");
        awaitProjection(histories);
        return histories.stream()
                .map(history -> DynamicTest.dynamicTest("seed " + history.seed(), () -> check(history)));
    }

    private void check(GeneratedHistory history) {
        Random random = new Random(history.seed() * 31 + 7);
        List<Instant> occurred = history.moments(line -> line.event().occurredAt());
        List<Instant> recorded = history.moments(Line::recordedAt);
        for (int ask = 0; ask < ASKS_PER_HISTORY; ask++) {
            Instant asOf = GeneratedHistory.pickTime(random, occurred);
            Instant knownAt = GeneratedHistory.pickTime(random, recorded);
            Supplier<String> where =
                    () -> "seed " + history.seed() + ", asOf " + asOf + ", knownAt " + knownAt + "\n" + history;
            ProjectHistory fold = history.fold(knownAt);
            FoldedInfluence folded = new FoldedInfluence(history.projectId(), fold);
            String projectId = history.projectId();

            DecisionList list = readModel.decisions(projectId, new PointInTime(asOf, knownAt));
            assertThat(list).as(where).isEqualTo(folded.decisions(asOf));

            InfluenceSummary summary = readModel.summary(projectId, new PointInTime(asOf, knownAt), null);
            assertThat(summary).as(where).isEqualTo(folded.summary(asOf, null));

            Set<String> phaseIds = new LinkedHashSet<>();
            phaseIds.add(PhaseCalendar.BEFORE_FIRST_PHASE);
            fold.phases(asOf).spans().forEach(span -> phaseIds.add(span.phaseId()));
            phaseIds.add("phase-" + random.nextInt(6)); // sometimes one not started by asOf
            for (String phaseId : phaseIds) {
                SameAnswer.assertSameAnswerOrBothNotFound(
                        () -> readModel.summary(projectId, new PointInTime(asOf, knownAt), phaseId),
                        () -> folded.summary(asOf, phaseId),
                        () -> "phase " + phaseId + ", " + where.get());
            }

            Oracle oracle = new Oracle(history, asOf, knownAt);
            assertThat(summary.total()).as(where).isEqualTo(oracle.total());
            for (String decisionId : history.decisionIds()) {
                DecisionInfluencers answer =
                        readModel.influencers(projectId, decisionId, new PointInTime(asOf, knownAt));
                assertThat(answer)
                        .as(() -> "decision " + decisionId + ", " + where.get())
                        .isEqualTo(folded.influencers(decisionId, asOf));
                assertThat(answer.influencers().stream().map(Influencer::memberId))
                        .as(() -> "influencers of " + decisionId + " by brute force, " + where.get())
                        .containsExactlyInAnyOrderElementsOf(oracle.influencers(decisionId));
            }
            for (DecisionOverview overview : list.decisions()) {
                assertThat(overview.influences())
                        .as(() -> "influences on " + overview.decisionId() + " by brute force, " + where.get())
                        .isEqualTo(oracle.counted(overview.decisionId()));
            }
        }
    }

    /** Until the projection holds a row for every event of every history that it keeps. */
    private void awaitProjection(List<GeneratedHistory> histories) {
        Map<String, Long> expected = new HashMap<>();
        for (GeneratedHistory history : histories) {
            expected.put(
                    history.projectId(),
                    history.lines().stream()
                            .filter(l -> keptByProjection(l.event()))
                            .count());
        }
        String union = String.join(
                " UNION ALL ",
                TABLES.stream().map(t -> "SELECT project_id FROM " + t).toList());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Long> rows = new HashMap<>();
            jdbc.query(
                    "SELECT project_id, COUNT(*) FROM (" + union + ") x WHERE project_id LIKE 'influence-property-%'"
                            + " GROUP BY project_id",
                    rs -> {
                        rows.put(rs.getString(1), rs.getLong(2));
                    });
            assertThat(rows).isEqualTo(expected);
        });
    }

    private static boolean keptByProjection(ProjectEvent event) {
        return event instanceof ProjectRegistered
                || event instanceof PhaseStarted
                || event instanceof MemberJoined
                || event instanceof MemberRoleChanged
                || event instanceof MemberLeft
                || event instanceof DecisionEvent
                || (event instanceof ContributionRecorded c && c.decisionId() != null)
                || event instanceof ContributionRetracted
                || (event instanceof ConsentWithdrawn w && w.scope() == WithdrawalScope.ALL);
    }

    /**
     * Counting by brute force over the raw events, sharing no code with the read model or the
     * fold: an influence counts when recorded by knownAt, occurred by asOf and not retracted by a
     * retraction recorded by knownAt; a visible proposal adds one PROPOSED for its proposer unless
     * they have a counted explicit PROPOSED influence on it. A member whose withdrawal with scope
     * ALL was recorded by knownAt counts for nothing, at any asOf.
     */
    private static final class Oracle {
        private final Map<String, List<String>> influencers = new HashMap<>();
        private final Map<String, Integer> counted = new HashMap<>();

        Oracle(GeneratedHistory history, Instant asOf, Instant knownAt) {
            Set<String> retracted = new HashSet<>();
            Set<String> excluded = new HashSet<>();
            for (Line line : history.lines()) {
                if (line.event() instanceof InfluenceRetracted r
                        && !line.recordedAt().isAfter(knownAt)) {
                    retracted.add(r.influenceId());
                }
                if (line.event() instanceof ConsentWithdrawn w
                        && w.scope() == WithdrawalScope.ALL
                        && !line.recordedAt().isAfter(knownAt)) {
                    excluded.add(w.memberId());
                }
            }
            Map<String, String> proposers = new HashMap<>();
            Map<String, Boolean> explicit = new HashMap<>();
            for (Line line : history.lines()) {
                boolean visible = !line.recordedAt().isAfter(knownAt)
                        && !line.event().occurredAt().isAfter(asOf);
                if (!visible) {
                    continue;
                }
                if (line.event() instanceof DecisionProposed p) {
                    if (!excluded.contains(p.proposedBy())) {
                        proposers.put(p.decisionId(), p.proposedBy());
                    }
                } else if (line.event() instanceof InfluenceRecorded i
                        && !retracted.contains(i.influenceId())
                        && !excluded.contains(i.memberId())) {
                    influencers
                            .computeIfAbsent(i.decisionId(), d -> new ArrayList<>())
                            .add(i.memberId());
                    counted.merge(i.decisionId(), 1, Integer::sum);
                }
            }
            for (Line line : history.lines()) {
                if (line.event() instanceof InfluenceRecorded i
                        && i.kind() == InfluenceKind.PROPOSED
                        && i.memberId().equals(proposers.get(i.decisionId()))
                        && !retracted.contains(i.influenceId())
                        && !line.recordedAt().isAfter(knownAt)
                        && !i.occurredAt().isAfter(asOf)) {
                    explicit.put(i.decisionId(), true);
                }
            }
            proposers.forEach((decisionId, proposer) -> {
                influencers.computeIfAbsent(decisionId, d -> new ArrayList<>()).add(proposer);
                if (!explicit.containsKey(decisionId)) {
                    counted.merge(decisionId, 1, Integer::sum);
                }
            });
        }

        Set<String> influencers(String decisionId) {
            return new HashSet<>(influencers.getOrDefault(decisionId, List.of()));
        }

        int counted(String decisionId) {
            return counted.getOrDefault(decisionId, 0);
        }

        int total() {
            return counted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
