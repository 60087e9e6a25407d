package org.coproduction.timeline.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.admin.cli.SealStoreCommandLine;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.fold.api.ProjectOverview;
import org.coproduction.timeline.fold.query.ProjectOverviewQuery;
import org.coproduction.timeline.privacy.PreSealingStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code seal-store} on PostgreSQL: the store written before sealing is copied into a sealed one
 * with the same events, the old table dropped, and a {@code pg_dump} holds no personal text in the
 * clear.
 */
class SealStoreOnPostgresTest {

    @Test
    void aStoreWithTextInTheClearIsCopiedIntoASealedOneAndTheDumpHoldsNoneOfIt() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip()) {
            // One data folder for every start: it holds the master key the member keys are sealed with.
            String[] options = {
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                "--timeline.data-dir=./target/test-data/seal-store-pg-" + UUID.randomUUID(),
            };
            List<String> before;
            try (ConfigurableApplicationContext app = start(options)) {
                PreSealingStore.append(app);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> jdbc.queryForList("SELECT name FROM timeline_member_name", String.class)
                                .contains(PreSealingStore.ANN));
                before = PreSealingStore.events(jdbc);
            }
            assertThat(ShreddedInPostgresTest.holds(ShreddedInPostgresTest.dump(database), PreSealingStore.ANNS_TEXT))
                    .as("the store before: text in the clear")
                    .isTrue();

            String[] command = {"seal-store", options[0], options[1], options[2], options[3]};
            assertThat(SealStoreCommandLine.run(TimelineApplication.class, command))
                    .isZero();

            try (ConfigurableApplicationContext app = start(options)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(PreSealingStore.events(jdbc)).isEqualTo(before);
                ProjectOverview overview = app.getBean(ProjectOverviewQuery.class)
                        .overview(PreSealingStore.PROJECT, new PointInTime(Instant.now(), Instant.now()));
                assertThat(overview.members())
                        .extracting(ProjectOverview.Member::name)
                        .containsExactly(PreSealingStore.ANN, "Withdrawn member 1");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> PreSealingStore.timelineNames(app).contains(PreSealingStore.ANN));
            }
            String dump = ShreddedInPostgresTest.dump(database);
            for (String marker : PreSealingStore.NEVER_IN_THE_CLEAR) {
                assertThat(ShreddedInPostgresTest.holds(dump, marker))
                        .as("the dump holds %s", marker)
                        .isFalse();
            }
        }
    }

    private static ConfigurableApplicationContext start(String... options) {
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "--timeline.demo.load-on-empty-store=false";
        return new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
