package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * A store left by a crash is rebuilt from its rows at the next start. The fixture is a store from
 * {@code KillNineTest} (a clean CI run of f1699fd, kill 5: the import killed while it stored its
 * lines), compacted: H2 rolled the import's rows back but its project index still lists one of them.
 */
class H2CrashRepairTest {

    static final String AGGREGATE = "peer-worker-study";

    @TempDir
    Path dir;

    Path store;
    String url;

    @BeforeEach
    void crashedStore() throws Exception {
        store = dir.resolve("timeline.mv.db");
        try (InputStream fixture = getClass().getResourceAsStream("/h2/crashed-import.mv.db")) {
            Files.copy(fixture, store);
        }
        url = "jdbc:h2:file:" + dir.resolve("timeline") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void aStoreWithAnIndexEntryLeftByACrashIsRebuiltFromItsRows() throws Exception {
        assertThat(eventsOfTheProjectByItsIndex())
                .as("H2 kept an entry of a row rolled back")
                .isEqualTo(1);
        Map<String, Long> before = rowsOfEveryTable();
        assertThat(before.get("domain_event_entry")).isZero();
        assertThat(before.get("member_key")).isPositive();

        H2CrashRepair.rebuild(store, url, "sa", "");

        assertThat(eventsOfTheProjectByItsIndex()).isZero();
        assertThat(rowsOfEveryTable()).isEqualTo(before);
        assertThat(Files.list(dir))
                .extracting(p -> p.getFileName().toString())
                .contains("timeline.mv.db")
                .noneMatch(name -> name.contains("rebuild"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(insert(java.util.UUID.randomUUID().toString(), 0));
            assertThatThrownBy(() ->
                            statement.execute(insert(java.util.UUID.randomUUID().toString(), 0)))
                    .as("the rebuilt store keeps its constraints")
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aStartAfterAnUncleanStopRebuildsAndACleanStopLetsTheMarkerGo() throws Exception {
        Path marker = H2CrashRepair.marker(store.toAbsolutePath().normalize());
        Files.writeString(marker, "open by process 1\n");

        GenericApplicationContext first = start();
        assertThat(marker).exists();
        assertThat(eventsOfTheProjectByItsIndex()).isZero();

        byte[] rebuilt = Files.readAllBytes(store);
        GenericApplicationContext second = start();
        assertThat(Files.readAllBytes(store))
                .as("a second context on a file this JVM has open leaves it alone")
                .isEqualTo(rebuilt);

        second.close();
        first.close();
        assertThat(marker).doesNotExist();
        GenericApplicationContext third = start();
        assertThat(Files.readAllBytes(store))
                .as("after a clean stop, nothing to rebuild")
                .isEqualTo(rebuilt);
        third.close();
    }

    @Test
    void anImportCutShortIsUndoneWhateverH2KeptOfIt() throws Exception {
        H2CrashRepair.rebuild(store, url, "sa", ""); // the fixture's own trouble out of the way
        execute(
                insert(java.util.UUID.randomUUID().toString(), 0),
                insert(java.util.UUID.randomUUID().toString(), 1));
        long before = count("SELECT MAX(global_index) FROM domain_event_entry");
        Files.writeString(ImportInProgress.marker(store), Long.toString(before));
        // what H2 kept of the killed import's transaction, as if committed
        execute(
                insert(java.util.UUID.randomUUID().toString(), 2),
                insert(java.util.UUID.randomUUID().toString(), 3));
        Files.writeString(H2CrashRepair.marker(store), "open by process 1\n");

        assertThat(H2CrashRepair.repairIfStoppedUncleanly(store, url, "sa", "")).isTrue();

        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isEqualTo(2);
        assertThat(count("SELECT MAX(global_index) FROM domain_event_entry")).isEqualTo(before);
        assertThat(ImportInProgress.marker(store)).doesNotExist();
    }

    /**
     * A KillNineTest run (c90657d, kill 9) found a store whose import was undone but whose member key,
     * destroyed by a withdrawal in that import, was not: importing the file again refused the
     * member's text. The keys of a project the undone import registered go with its events.
     */
    @Test
    void anImportCutShortThatRegisteredItsProjectTakesItsMembersKeysWithIt() throws Exception {
        H2CrashRepair.rebuild(store, url, "sa", "");
        assertThat(count("SELECT COUNT(*) FROM member_key")).isPositive();
        Files.writeString(ImportInProgress.marker(store), "0");
        execute(
                insert(java.util.UUID.randomUUID().toString(), 0),
                insert(java.util.UUID.randomUUID().toString(), 1));
        Files.writeString(H2CrashRepair.marker(store), "open by process 1\n");

        assertThat(H2CrashRepair.repairIfStoppedUncleanly(store, url, "sa", "")).isTrue();

        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isZero();
        assertThat(count("SELECT COUNT(*) FROM member_key")).isZero();
    }

    /**
     * A withdrawal in an import into a project that already had events destroys no key before the
     * import commits: an import cut short leaves it waiting, and its undoing takes it with its events,
     * so the member's key, and their text stored before, stay as they were.
     */
    @Test
    void anImportCutShortDestroysNoKeyItsWithdrawalsWaitedFor() throws Exception {
        H2CrashRepair.rebuild(store, url, "sa", "");
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/V16__withdrawals_pending.sql")) {
            execute(new String(migration.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        execute(insert(java.util.UUID.randomUUID().toString(), 0));
        String member = firstMemberWithAKey();
        long before = count("SELECT MAX(global_index) FROM domain_event_entry");
        Files.writeString(ImportInProgress.marker(store), Long.toString(before));
        // what H2 kept of the killed import's transaction: a row past the start, and its withdrawal waiting
        execute(
                insert(java.util.UUID.randomUUID().toString(), 1),
                "INSERT INTO withdrawal_pending (project_id, member_id) VALUES ('" + AGGREGATE + "', '" + member
                        + "')");
        Files.writeString(H2CrashRepair.marker(store), "open by process 1\n");

        assertThat(H2CrashRepair.repairIfStoppedUncleanly(store, url, "sa", "")).isTrue();

        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM withdrawal_pending")).isZero();
        assertThat(count("SELECT COUNT(*) FROM member_key WHERE member_id = '" + member
                        + "' AND keyset IS NOT NULL AND destroyed_at IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void afterACleanStopAnImportMarkerLeftBehindGoesAndNothingIsRemoved() throws Exception {
        H2CrashRepair.rebuild(store, url, "sa", "");
        execute(
                insert(java.util.UUID.randomUUID().toString(), 0),
                insert(java.util.UUID.randomUUID().toString(), 1));
        Files.writeString(ImportInProgress.marker(store), "0");

        assertThat(H2CrashRepair.repairIfStoppedUncleanly(store, url, "sa", "")).isFalse();

        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isEqualTo(2);
        assertThat(ImportInProgress.marker(store)).doesNotExist();
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private GenericApplicationContext start() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url));
        new H2CrashRepair()
                .onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));
        context.refresh();
        return context;
    }

    private long eventsOfTheProjectByItsIndex() throws SQLException {
        return count("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = '" + AGGREGATE + "'");
    }

    private Map<String, Long> rowsOfEveryTable() throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
            while (tables.next()) {
                names.add(tables.getString(1));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : names) {
            rows.put(table.toLowerCase(java.util.Locale.ROOT), count("SELECT COUNT(*) FROM \"" + table + "\""));
        }
        return rows;
    }

    private String firstMemberWithAKey() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT member_id FROM member_key WHERE project_id = '"
                        + AGGREGATE + "' AND keyset IS NOT NULL ORDER BY member_id FETCH FIRST 1 ROWS ONLY")) {
            assertThat(result.next()).as("the fixture holds a member key").isTrue();
            return result.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String insert(String eventId, int sequence) {
        return "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data) VALUES ('" + eventId + "', '"
                + AGGREGATE + "', " + sequence + ", 'Project', '2024-01-01T00:00:00Z', 'ProjectRegistered', '1',"
                + " X'7b7d', X'7b7d')";
    }
}
