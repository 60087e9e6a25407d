package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V8 and V9 re-key read-model tables on a store that already holds them: the timeline and the
 * participation read model are cleared for their processors to rebuild from the start (the
 * timeline's new idempotency mark cannot be derived from rows a processor spread over segments
 * wrote, nor participation's contribution lists from its rows in SQL alone); the other read
 * models and their tokens are kept.
 */
class ReadModelKeysMigrationTest {

    private static final String AT = "TIMESTAMP WITH TIME ZONE '2021-01-11 10:00:00+00'";

    @Test
    void givenAStoreAtV7_whenMigrated_thenTimelineAndParticipationAreLeftToRebuild() {
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
        for (String processor : List.of("timeline", "participation", "influence")) {
            jdbc.update(
                    "INSERT INTO token_entry (processor_name, segment, token, token_type) VALUES (?, 0, NULL, NULL)",
                    processor);
        }
        jdbc.update("INSERT INTO participation_project (project_id, last_seq, last_recorded_at) VALUES ('p', 4, " + AT
                + ")");
        jdbc.update("INSERT INTO participation_count (project_id, meeting_id, member_id, c1, c2, c3, c4, c5, c6, c7,"
                + " c8, c9, c10, c11, c12, first_at, last_at) VALUES ('p', 'm-1', 'ann', 0, 0, 0, 1, 0, 0, 0, 0, 0,"
                + " 0, 0, 0, " + AT + ", " + AT + ")");
        jdbc.update("INSERT INTO participation_contribution (project_id, contribution_id, meeting_id, member_id,"
                + " category, occurred_at) VALUES ('p', 'c-1', 'm-1', 'ann', 4, " + AT + ")");
        jdbc.update("INSERT INTO influence_phase (project_id, seq_no, phase_id, name, occurred_at, recorded_at)"
                + " VALUES ('p', 2, 'design', 'Design', " + AT + ", " + AT + ")");

        migrate(dataSource, "13");

        for (String table : List.of(
                "timeline_entry",
                "timeline_member_name",
                "timeline_phase",
                "timeline_project",
                "participation_project",
                "participation_count")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.queryForList("SELECT processor_name FROM token_entry", String.class))
                .containsExactly("influence");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM influence_phase", Long.class))
                .isOne();
        assertThat(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'PARTICIPATION%'",
                        String.class))
                .doesNotContain("PARTICIPATION_CONTRIBUTION");
        assertThat(jdbc.queryForList(
                        "SELECT column_name FROM information_schema.index_columns"
                                + " WHERE table_name = 'TIMELINE_ENTRY' ORDER BY index_name, ordinal_position",
                        String.class))
                .as("one index, the primary key, in reading order")
                .containsExactly("PROJECT_ID", "OCCURRED_AT", "RECORDED_AT", "SEQ_NO");
    }

    /**
     * V14 has the read models keep names and notes sealed: the timeline, influence and participation
     * read models, whose rows held them in the clear, are cleared and their tokens removed, so their
     * processors rebuild them; the projects' list and its token are kept.
     */
    @Test
    void givenAStoreAtV13_whenMigrated_thenTheReadModelsHoldingNamesAreLeftToRebuild() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v14-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        migrate(dataSource, "13");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "INSERT INTO timeline_member_name (project_id, seq_no, member_id, name) VALUES ('p', 1, 'ann', 'Ann')");
        jdbc.update("INSERT INTO participation_member (project_id, seq_no, member_id, change, name, occurred_at)"
                + " VALUES ('p', 1, 'ann', 'JOINED', 'Ann', " + AT + ")");
        jdbc.update("INSERT INTO influence_member (project_id, seq_no, member_id, change, name, occurred_at,"
                + " recorded_at) VALUES ('p', 1, 'ann', 'JOINED', 'Ann', " + AT + ", " + AT + ")");
        jdbc.update("INSERT INTO influence_record (project_id, seq_no, decision_id, influence_id, member_id, kind,"
                + " note, occurred_at, recorded_at, event_id) VALUES ('p', 3, 'd', 'i', 'ann', 'AMENDED', 'Ann''s"
                + " note', " + AT + ", " + AT + ", 'e3')");
        for (String processor : List.of("timeline", "participation", "influence", "projects")) {
            jdbc.update(
                    "INSERT INTO token_entry (processor_name, segment, token, token_type) VALUES (?, 0, NULL, NULL)",
                    processor);
        }

        migrate(dataSource, "latest");

        for (String table :
                List.of("timeline_member_name", "participation_member", "influence_member", "influence_record")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .as(table)
                    .isZero();
            assertThat(jdbc.queryForList(
                            "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                            String.class,
                            table.toUpperCase(java.util.Locale.ROOT)))
                    .as(table)
                    .contains("EVENT_ID");
        }
        assertThat(jdbc.queryForList("SELECT processor_name FROM token_entry", String.class))
                .containsExactly("projects");
    }

    private static void migrate(JdbcDataSource dataSource, String target) {
        SchemaMigrations.configure(dataSource).target(target).load().migrate();
    }
}
