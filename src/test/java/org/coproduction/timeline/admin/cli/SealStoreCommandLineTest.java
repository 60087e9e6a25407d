package org.coproduction.timeline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.api.ProjectOverview;
import org.coproduction.timeline.fold.query.ProjectOverviewQuery;
import org.coproduction.timeline.privacy.PersonalText;
import org.coproduction.timeline.privacy.PreSealingStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store written before personal text was sealed (its events appended as they were then, text in
 * the clear) is migrated by {@code seal-store}: copied into a new store with the same event ids,
 * order and recorded times and every personal text sealed, the old one dropped, the read models
 * rebuilt and the H2 file compacted, after which the file holds no personal text in the clear; a
 * member who had withdrawn consent is her pseudonym and her text opens nowhere. Run again, the
 * command finds nothing to do.
 */
class SealStoreCommandLineTest {

    static final String PROJECT = PreSealingStore.PROJECT;
    static final String ANN = PreSealingStore.ANN;
    static final String ANNS_TEXT = PreSealingStore.ANNS_TEXT;
    static final String CATS_TEXT = PreSealingStore.CATS_TEXT;
    static final List<String> MARKERS = PreSealingStore.NEVER_IN_THE_CLEAR;

    @Test
    void aStoreWithTextInTheClearIsCopiedIntoASealedOneAndNothingStaysInTheClear() throws Exception {
        Path dir = Path.of("./target/test-data/presealing-" + UUID.randomUUID());
        String dataDir = "--timeline.data-dir=" + dir;
        Path file = dir.resolve("timeline.mv.db");
        List<String> before;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            PreSealingStore.append(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                            "SELECT name FROM timeline_member_name WHERE project_id = ?", String.class, PROJECT)
                    .contains(ANN));
            before = PreSealingStore.events(jdbc);
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                .as("the store before: text in the clear")
                .contains(ANNS_TEXT)
                .contains(CATS_TEXT);

        assertThat(SealStoreCommandLine.run(TimelineApplication.class, new String[] {"seal-store", dataDir}))
                .isZero();

        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String marker : MARKERS) {
            assertThat(bytes.contains(marker)).as("the file holds %s", marker).isFalse();
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(PreSealingStore.events(jdbc))
                    .as("the same events, ids, order and times")
                    .isEqualTo(before);
            List<String> payloads =
                    jdbc
                            .queryForList("SELECT payload FROM domain_event_entry ORDER BY global_index", byte[].class)
                            .stream()
                            .map(p -> new String(p, StandardCharsets.UTF_8))
                            .toList();
            assertThat(payloads).noneMatch(p -> p.contains("Presealed-"));
            Map<String, Object> reflection = jdbc.queryForMap(
                    "SELECT event_identifier, payload FROM domain_event_entry WHERE payload_type = 'ReflectionWritten'"
                            + " ORDER BY global_index FETCH FIRST 1 ROWS ONLY");
            String sealed = new String((byte[]) reflection.get("PAYLOAD"), StandardCharsets.UTF_8)
                    .replaceAll(".*\"text\":\"([^\"]+)\".*", "$1");
            assertThat(app.getBean(PersonalText.class)
                            .open(PROJECT, "m-ann", (String) reflection.get("EVENT_IDENTIFIER"), sealed))
                    .contains(ANNS_TEXT);
            ProjectOverview overview = app.getBean(ProjectOverviewQuery.class)
                    .overview(PROJECT, new PointInTime(Instant.now(), Instant.now()));
            assertThat(overview.members())
                    .extracting(ProjectOverview.Member::name)
                    .containsExactly(ANN, "Withdrawn member 1");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> PreSealingStore.timelineNames(app).equals(List.of(ANN, "Withdrawn member 1")));
            assertThat(jdbc.queryForList("SELECT name FROM timeline_member_name", String.class))
                    .noneMatch(name -> name.contains(PreSealingStore.MARKER));
        }

        assertThat(SealStoreCommandLine.run(TimelineApplication.class, new String[] {"seal-store", dataDir}))
                .as("nothing left to do")
                .isZero();
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(dataDir, "--timeline.demo.load-on-empty-store=false");
    }
}
