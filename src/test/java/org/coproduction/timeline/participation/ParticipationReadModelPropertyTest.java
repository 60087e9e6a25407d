package org.coproduction.timeline.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.api.LifecycleEvent.MemberJoined;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.influence.GeneratedHistory;
import org.coproduction.timeline.influence.GeneratedHistory.Line;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.FoldedParticipation;
import org.coproduction.timeline.participation.query.ParticipationFold;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.participation.query.ParticipationReadModel;
import org.coproduction.timeline.testing.SameAnswer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The participation read model against a from-scratch fold, on generated histories (back-dated
 * role changes and contributions, late recordings, retractions of contributions and influences,
 * rejoins): for random asOf, every window kind and every member's trajectory read from the read
 * model equal, as records and as JSON, those of a {@link ParticipationFold} of the generated events
 * themselves (never the store). For random knownAt, {@link ParticipationQuery} answers as the fold
 * at that knownAt does, whichever path it takes; the read model answers only for a knownAt at or
 * after the project's latest recording.
 *
 * <p>All histories go into one context as projects of their own, in two imports with their lines
 * interleaved, so batches mix projects, a project's counts grow in two runs and retractions meet
 * contributions stored by an earlier batch. Last, the processor is made to deliver every event
 * again over the tables as they are: nothing may change. Seeds are fixed; a failure names its seed
 * and prints the history.
 */
@SpringBootTest
class ParticipationReadModelPropertyTest {

    private static final long FIRST_SEED = 20_250_301L;
    private static final int HISTORIES = 40;
    private static final int ASKS_PER_HISTORY = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PREFIX = "participation-property-";

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    ParticipationReadModel readModel;

    @Autowired
    ParticipationQuery query;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    EventProcessingConfiguration processing;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> readModelAnswersAsTheFoldOfTheEvents() throws IOException {
        List<GeneratedHistory> histories = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            long seed = FIRST_SEED + i;
            histories.add(new GeneratedHistory(PREFIX + seed, seed));
        }
        Random shuffle = new Random(FIRST_SEED);
        GeneratedHistory.importInterleaved(
                importer, dir, histories, h -> 0, h -> h.lines().size() / 2, shuffle, "first.jsonl");
        GeneratedHistory.importInterleaved(
                importer,
                dir,
                histories,
                h -> h.lines().size() / 2,
                h -> h.lines().size(),
                shuffle,
                "second.jsonl");
        awaitProjection(histories);
        Stream<DynamicTest> checks = histories.stream()
                .map(history -> DynamicTest.dynamicTest("seed " + history.seed(), () -> check(history)));
        return Stream.concat(
                checks,
                Stream.of(DynamicTest.dynamicTest(
                        "every event delivered again changes nothing", () -> redeliveryChangesNothing(histories))));
    }

    private void check(GeneratedHistory history) throws IOException {
        Random random = new Random(history.seed() * 31 + 7);
        String projectId = history.projectId();
        List<Instant> occurred = history.moments(line -> line.event().occurredAt());
        List<Instant> recorded = history.moments(Line::recordedAt);
        Instant lastRecorded = recorded.get(recorded.size() - 2);
        Set<String> members = new TreeSet<>();
        history.lines().forEach(line -> {
            if (line.event() instanceof MemberJoined joined) {
                members.add(joined.memberId());
            }
        });
        members.add("never-a-member");
        for (int ask = 0; ask < ASKS_PER_HISTORY; ask++) {
            Instant asOf = GeneratedHistory.pickTime(random, occurred);
            // The present record: at the latest recording, a while after it, or now.
            Instant knownAt =
                    switch (random.nextInt(3)) {
                        case 0 -> lastRecorded;
                        case 1 -> lastRecorded.plusSeconds(1 + random.nextInt(86_400));
                        default -> Instant.now();
                    };
            Supplier<String> where =
                    () -> "seed " + history.seed() + ", asOf " + asOf + ", knownAt " + knownAt + "\n" + history;
            ParticipationFold expected = FoldedParticipation.of(history.fold(knownAt), asOf);
            Optional<ParticipationFold> fromTables = readModel.fold(projectId, new PointInTime(asOf, knownAt));
            assertThat(fromTables).as(where).isPresent();
            for (WindowKind by : WindowKind.values()) {
                Object answer = fromTables.get().participation(projectId, by);
                Object reference = expected.participation(projectId, by);
                assertThat(answer).as(() -> by + ", " + where.get()).isEqualTo(reference);
                assertThat(json.writeValueAsString(answer))
                        .as(() -> by + " as JSON, " + where.get())
                        .isEqualTo(json.writeValueAsString(reference));
            }
            for (String memberId : members) {
                SameAnswer.assertSameAnswerOrBothNotFound(
                        () -> fromTables.get().trajectory(projectId, memberId),
                        () -> expected.trajectory(projectId, memberId),
                        () -> "trajectory of " + memberId + ", " + where.get());
            }

            // Any knownAt through the query: the read model or the fold, the same answer.
            Instant anyKnownAt = GeneratedHistory.pickTime(random, recorded);
            Supplier<String> whereAny =
                    () -> "seed " + history.seed() + ", asOf " + asOf + ", knownAt " + anyKnownAt + "\n" + history;
            WindowKind by = WindowKind.values()[random.nextInt(WindowKind.values().length)];
            assertThat(query.participation(projectId, by, new PointInTime(asOf, anyKnownAt)))
                    .as(() -> by + ", " + whereAny.get())
                    .isEqualTo(FoldedParticipation.of(history.fold(anyKnownAt), asOf)
                            .participation(projectId, by));
            assertThat(readModel.fold(projectId, new PointInTime(asOf, anyKnownAt)))
                    .as(() -> "the read model answers only the present record, " + whereAny.get())
                    .matches(answer -> answer.isPresent() == !anyKnownAt.isBefore(lastRecorded));
        }
    }

    /**
     * The processor's tokens are taken back to the start without its reset handler, so every event
     * is delivered again over the tables as they stand: the project marks must skip them all.
     */
    private void redeliveryChangesNothing(List<GeneratedHistory> histories) throws InterruptedException {
        Map<String, List<Map<String, Object>>> before = tables();
        StreamingEventProcessor processor = processing
                .eventProcessor("participation", StreamingEventProcessor.class)
                .orElseThrow();
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        processor.shutDown();
        int rewound = jdbc.update(
                "UPDATE token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'participation'");
        assertThat(rewound).isPositive();
        processor.start();
        int segments = jdbc.queryForObject(
                "SELECT COUNT(*) FROM token_entry WHERE processor_name = 'participation'", Integer.class);
        // Every segment claimed here, none failed (a failed batch is rolled back, which would leave
        // the tables as they were), each at or past the head.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            var status = processor.processingStatus().values();
            return status.size() == segments
                    && status.stream()
                            .allMatch(s ->
                                    !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
        });
        assertThat(tables()).isEqualTo(before);
        GeneratedHistory history = histories.get(0);
        Instant now = Instant.now();
        assertThat(query.participation(history.projectId(), WindowKind.PHASE, new PointInTime(now, now)))
                .isEqualTo(FoldedParticipation.of(history.fold(now), now)
                        .participation(history.projectId(), WindowKind.PHASE));
    }

    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        for (String table : List.of(
                "participation_project",
                "participation_phase",
                "participation_member",
                "participation_meeting",
                "participation_count",
                "participation_decision",
                "participation_influence")) {
            rows.put(
                    table,
                    jdbc.queryForList(
                            "SELECT * FROM " + table + " WHERE project_id LIKE '" + PREFIX + "%' ORDER BY 1, 2, 3"));
        }
        return rows;
    }

    /** Until every project's mark stands at its last event. */
    private void awaitProjection(List<GeneratedHistory> histories) {
        Map<String, Long> expected = new HashMap<>();
        histories.forEach(h -> expected.put(h.projectId(), (long) h.lines().size() - 1));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Long> marks = new HashMap<>();
            jdbc.query(
                    "SELECT project_id, last_seq FROM participation_project WHERE project_id LIKE '" + PREFIX + "%'",
                    rs -> {
                        marks.put(rs.getString(1), rs.getLong(2));
                    });
            assertThat(marks).isEqualTo(expected);
        });
    }
}
