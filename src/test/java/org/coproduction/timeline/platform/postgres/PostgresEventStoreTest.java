package org.coproduction.timeline.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.fold.query.DecisionFacts;
import org.coproduction.timeline.fold.query.ProjectHistory;
import org.coproduction.timeline.fold.query.ProjectHistoryReader;
import org.coproduction.timeline.influence.query.InfluenceAnswers;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportResult;
import org.coproduction.timeline.interchange.InterleavedStudies;
import org.coproduction.timeline.interchange.JsonLinesExporter;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.FoldedParticipation;
import org.coproduction.timeline.participation.query.ParticipationFold;
import org.coproduction.timeline.participation.query.ParticipationReadModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same code on PostgreSQL: Flyway's PostgreSQL schema, the JDBC event store, import and export. */
class PostgresEventStoreTest {

    private static final String DEMO = DemoProjectGenerator.DEMO_PROJECT_ID;

    @TempDir
    Path dir;

    @Test
    void importsTheDemoAndExportsItByteForByteAcrossTwoPostgresStores() throws Exception {
        Path demo = demoFile();
        long lines = Files.readAllLines(demo).size();

        byte[] firstExport;
        // The second store is the same installation restored: the same master key, its member keys.
        String masterKey = "--timeline.keys.master-key-file=" + dir.resolve("master-key.json");
        List<Object[]> memberKeys;
        try (PostgresDatabase database = PostgresDatabase.createOrSkip();
                ConfigurableApplicationContext app = start(database, masterKey)) {
            ImportResult result = app.getBean(JsonLinesImporter.class).importFile(demo, ImportProgress.NONE);
            assertThat(result).isEqualTo(new ImportResult(lines, 0, List.of("peer-worker-study")));
            assertThat(app.getBean(JsonLinesImporter.class).importFile(demo, ImportProgress.NONE))
                    .isEqualTo(new ImportResult(0, lines, List.of()));
            firstExport = export(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM timeline_entry WHERE project_id = ?", Long.class, DEMO))
                    .isEqualTo(lines));
            app.getBean(CommandGateway.class)
                    .sendAndWait(new JoinMember(
                            DEMO,
                            Instant.parse("2021-02-01T00:00:00Z"),
                            "late-joiner",
                            "Sam",
                            "OBSERVER",
                            List.of("PUBLIC")));
            memberKeys = jdbc.query(
                    "SELECT project_id, member_id, keyset, created_at, destroyed_at, withdrawal_no FROM member_key",
                    (row, n) -> new Object[] {
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getObject(4),
                        row.getObject(5),
                        row.getObject(6)
                    });
        }
        assertThat(new String(firstExport, StandardCharsets.UTF_8).lines()).hasSize((int) lines);

        Path exported = dir.resolve("export.jsonl");
        Files.write(exported, firstExport);
        try (PostgresDatabase database = PostgresDatabase.createOrSkip();
                ConfigurableApplicationContext app = start(database, masterKey)) {
            app.getBean(JdbcTemplate.class)
                    .batchUpdate(
                            "INSERT INTO member_key (project_id, member_id, keyset, created_at, destroyed_at,"
                                    + " withdrawal_no) VALUES (?, ?, ?, ?, ?, ?)",
                            memberKeys);
            app.getBean(JsonLinesImporter.class).importFile(exported, ImportProgress.NONE);
            assertThat(export(app)).isEqualTo(firstExport);
        }
    }

    @Test
    void answersWhoInfluencedEachDecisionAsTheFoldOfItsEventsDoes() throws Exception {
        Path demo = demoFile();
        try (PostgresDatabase database = PostgresDatabase.createOrSkip();
                ConfigurableApplicationContext app = start(database)) {
            app.getBean(JsonLinesImporter.class).importFile(demo, ImportProgress.NONE);
            InfluenceReadModel readModel = app.getBean(InfluenceReadModel.class);
            ProjectHistoryReader histories = app.getBean(ProjectHistoryReader.class);
            Instant now = Instant.parse("2030-01-01T00:00:00Z");
            int decisions = histories.read(DEMO, now).decisions(now).size();
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> readModel
                                    .decisions(DEMO, new PointInTime(now, now))
                                    .decisions()
                                    .size()
                            == decisions);

            // Before and after the demo's correction of d-43 (docs/time.md), and at the end.
            for (String[] pair : new String[][] {
                {"2022-08-01T00:00:00Z", "2022-08-01T00:00:00Z"},
                {"2022-08-01T00:00:00Z", "2022-10-01T00:00:00Z"},
                {"2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z"}
            }) {
                Instant asOf = Instant.parse(pair[0]);
                Instant knownAt = Instant.parse(pair[1]);
                ProjectHistory history = histories.read(DEMO, knownAt);
                for (DecisionFacts facts : history.decisions(asOf)) {
                    assertThat(readModel.influencers(DEMO, facts.decisionId(), new PointInTime(asOf, knownAt)))
                            .as("%s as of %s known at %s", facts.decisionId(), asOf, knownAt)
                            .isEqualTo(InfluenceAnswers.influencers(
                                    DEMO, new PointInTime(asOf, knownAt), facts, history.team(asOf)));
                }
            }
        }
    }

    @Test
    void answersParticipationFromTheReadModelAsTheFoldOfItsEventsDoes() throws Exception {
        Path demo = demoFile();
        try (PostgresDatabase database = PostgresDatabase.createOrSkip();
                ConfigurableApplicationContext app = start(database)) {
            app.getBean(JsonLinesImporter.class).importFile(demo, ImportProgress.NONE);
            ParticipationReadModel readModel = app.getBean(ParticipationReadModel.class);
            ProjectHistoryReader histories = app.getBean(ProjectHistoryReader.class);
            Instant now = Instant.parse("2030-01-01T00:00:00Z");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> readModel.fold(DEMO, new PointInTime(now, now)).isPresent());
            ProjectHistory history = histories.read(DEMO, now);
            // At the end, inside a phase, and before the demo's correction of d-43 (docs/time.md).
            for (String asOf : new String[] {"2030-01-01T00:00:00Z", "2022-08-01T00:00:00Z", "2021-03-15T10:30:00Z"}) {
                Instant at = Instant.parse(asOf);
                ParticipationFold fromTables =
                        readModel.fold(DEMO, new PointInTime(at, now)).orElseThrow();
                ParticipationFold reference = FoldedParticipation.of(history, at);
                for (WindowKind by : WindowKind.values()) {
                    assertThat(fromTables.participation(DEMO, by))
                            .as("%s as of %s", by, asOf)
                            .isEqualTo(reference.participation(DEMO, by));
                }
            }
        }
    }

    /** The importer's letting go of projects and folding them again inside its transaction, on PostgreSQL. */
    @Test
    void importsStudiesInterleavedBeyondTheProjectsAnImportKeepsAtHand() throws Exception {
        List<String> first = InterleavedStudies.study("pg-resident-a", 1);
        List<String> second = InterleavedStudies.study("pg-resident-b", 2);
        // Blocks of 2,500 lines: more than two of the importer's 1,000-line chunks.
        Path file = Files.write(dir.resolve("interleaved.jsonl"), InterleavedStudies.interleave(first, second, 2500));
        long lines = first.size() + second.size();
        try (PostgresDatabase database = PostgresDatabase.createOrSkip();
                ConfigurableApplicationContext app = start(database, "--timeline.import.resident-events=1")) {
            JsonLinesImporter importer = app.getBean(JsonLinesImporter.class);
            assertThat(importer.importFile(file, ImportProgress.NONE))
                    .isEqualTo(new ImportResult(lines, 0, List.of("pg-resident-a", "pg-resident-b")));
            assertThat(importer.importFile(file, ImportProgress.NONE)).isEqualTo(new ImportResult(0, lines, List.of()));
            assertThat(app.getBean(JdbcTemplate.class)
                            .queryForList(
                                    "SELECT aggregate_identifier || ':' || COUNT(DISTINCT sequence_number) || ':'"
                                            + " || MAX(sequence_number) FROM domain_event_entry"
                                            + " GROUP BY aggregate_identifier ORDER BY aggregate_identifier",
                                    String.class))
                    .containsExactly(
                            "pg-resident-a:" + first.size() + ":" + (first.size() - 1),
                            "pg-resident-b:" + second.size() + ":" + (second.size() - 1));
        }
    }

    private static byte[] export(ConfigurableApplicationContext app) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        app.getBean(JsonLinesExporter.class).open(DEMO).writeTo(out, null, null);
        return out.toByteArray();
    }

    private Path demoFile() throws IOException {
        Path demo = dir.resolve("demo.jsonl");
        new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).writeTo(demo);
        return demo;
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                "--timeline.demo.load-on-empty-store=false"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
