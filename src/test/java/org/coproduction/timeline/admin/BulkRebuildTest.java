package org.coproduction.timeline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.testing.CaughtUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild in bulk writes exactly the rows the processors wrote event by event: every read-model
 * table, row for row, after the demo study (every event type, retractions, revisions, private
 * reflections) was handled incrementally, then every table was emptied and every read model
 * rebuilt together in one bulk pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BulkRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Tables of the event store and the migrations: everything else belongs to a read model. */
    /** The event store, the processors' tokens, the migrations, the accounts and the member keys (not read models). */
    private static final List<String> NOT_READ_MODELS = List.of(
            "DOMAIN_EVENT_ENTRY",
            "SNAPSHOT_EVENT_ENTRY",
            "TOKEN_ENTRY",
            "flyway_schema_history",
            "ACCOUNT",
            "PROJECT_ACCESS",
            "ACCESS_TOKEN",
            "AUDIT_ENTRY",
            "MEMBER_KEY");

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    ReadModels readModels;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void givenReadModelsBuiltEventByEvent_whenAllAreRebuiltInBulk_thenEveryTableHoldsTheSameRows() throws Exception {
        importDemo();
        long head = readModels.head();
        awaitCaughtUp(head);
        Map<String, List<String>> incremental = readModelTables();
        assertThat(incremental).as("the read models' tables").hasSizeGreaterThanOrEqualTo(10);
        assertThat(incremental.get("TIMELINE_ENTRY")).hasSize((int) head);
        assertThat(incremental.get("INFLUENCE_RECORD")).isNotEmpty();
        assertThat(incremental.get("PROJECT_SUMMARY")).hasSize(1);
        incremental.keySet().forEach(table -> jdbc.execute("TRUNCATE TABLE \"" + table + "\""));

        readModels.rebuild(readModels.names());
        awaitCaughtUp(head);

        assertThat(readModels.bulkReplayed())
                .as("events handled by the bulk pass")
                .isEqualTo(head);
        Map<String, List<String>> rebuilt = readModelTables();
        assertThat(rebuilt.keySet()).isEqualTo(incremental.keySet());
        incremental.forEach(
                (table, rows) -> assertThat(rebuilt.get(table)).as(table).isEqualTo(rows));
    }

    private void importDemo() throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (ObjectNode line : new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events()) {
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("demo.jsonl"), lines);
        importer.importFile(file, ImportProgress.NONE);
    }

    private void awaitCaughtUp(long head) {
        CaughtUp.await(readModels, head, PATIENCE);
    }

    /** Every read-model table's rows, each as text, sorted. */
    private Map<String, List<String>> readModelTables() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", String.class)) {
            if (NOT_READ_MODELS.contains(table)) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            jdbc.query("SELECT * FROM \"" + table + "\"", rs -> {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.append(rs.getMetaData().getColumnName(column))
                            .append('=')
                            .append(rs.getString(column))
                            .append('|');
                }
                rows.add(row.toString());
            });
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }
}
