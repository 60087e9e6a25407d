package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V8 re-keys two read-model tables on a store that already holds them: the timeline is cleared for
 * its processor to rebuild from the start (its new idempotency mark cannot be derived from rows a
 * processor spread over segments wrote), and the participation contributions are kept as they were.
 */
class ReadModelKeysMigrationTest {

    private static final String AT = "TIMESTAMP WITH TIME ZONE '2021-01-11 10:00:00+00'";

    @Test
    void givenAStoreAtV7_whenMigrated_thenTheTimelineIsLeftToRebuildAndContributionsAreKept() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v8-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        migrate(dataSource, "7");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO timeline_entry (project_id, seq_no, event_id, type, occurred_at, recorded_at,"
                + " member_ids) VALUES ('p', 0, 'e0', 'ProjectRegistered', " + AT + ", " + AT + ", ',')");
        jdbc.update(
                "INSERT INTO timeline_member_name (project_id, seq_no, member_id, name) VALUES ('p', 1, 'ann', 'Ann')");
        jdbc.update("INSERT INTO timeline_phase (project_id, phase_id, name, started_at, seq_no)"
                + " VALUES ('p', 'design', 'Design', " + AT + ", 2)");
        for (String processor : List.of("timeline", "participation")) {
            jdbc.update(
                    "INSERT INTO token_entry (processor_name, segment, token, token_type) VALUES (?, 0, NULL, NULL)",
                    processor);
        }
        jdbc.update("INSERT INTO participation_contribution (project_id, contribution_id, meeting_id, member_id,"
                + " category, occurred_at) VALUES ('p', 'c-1', 'm-1', 'ann', 4, " + AT + ")");

        migrate(dataSource, "latest");

        for (String table : List.of("timeline_entry", "timeline_member_name", "timeline_phase", "timeline_project")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.queryForList("SELECT processor_name FROM token_entry", String.class))
                .containsExactly("participation");
        assertThat(jdbc.queryForList("SELECT project_id, meeting_id, contribution_id, member_id, category"
                        + " FROM participation_contribution"))
                .containsExactly(Map.of(
                        "PROJECT_ID", "p",
                        "MEETING_ID", "m-1",
                        "CONTRIBUTION_ID", "c-1",
                        "MEMBER_ID", "ann",
                        "CATEGORY", 4));
        assertThat(jdbc.queryForList(
                        "SELECT column_name FROM information_schema.index_columns"
                                + " WHERE table_name = 'PARTICIPATION_CONTRIBUTION' ORDER BY index_name, ordinal_position",
                        String.class))
                .as("one index, the primary key, by meeting")
                .containsExactly("PROJECT_ID", "MEETING_ID", "CONTRIBUTION_ID");
    }

    private static void migrate(JdbcDataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .target(target)
                .load()
                .migrate();
    }
}
