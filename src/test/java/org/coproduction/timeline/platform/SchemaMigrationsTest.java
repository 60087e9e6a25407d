package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one set of migrations on H2: the schema it makes is the H2 twins' (kept as they were in
 * src/test/resources/db/old-migrations), and a store the twins migrated migrates on it, its
 * schema history realigned; a checksum no twin had still fails validation. PostgreSQL: {@code
 * OneMigrationSetOnPostgresTest}.
 */
class SchemaMigrationsTest {

    static final String H2_TWINS = "classpath:db/old-migrations/h2";
    static final String POSTGRESQL_TWINS = "classpath:db/old-migrations/postgresql";

    @TempDir
    Path dir;

    @Test
    void theOneSetMakesTheSchemaTheH2TwinsMade() {
        DataSource twins = memory("twins");
        Flyway.configure().dataSource(twins).locations(H2_TWINS).load().migrate();
        DataSource oneSet = memory("one-set");
        SchemaMigrations.configure(oneSet).load().migrate();

        assertThat(schema(oneSet)).hasSizeGreaterThan(40).containsExactlyElementsOf(schema(twins));
    }

    @Test
    void aStoreTheTwinsMigratedStartsOnTheOneSetWithItsRowsAndItsHistoryRealigned() {
        DataSource store = memory("store");
        Flyway.configure().dataSource(store).locations(H2_TWINS).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.update("INSERT INTO token_entry (processor_name, segment) VALUES ('timeline', 0)");
        List<String> before = schema(store);
        Flyway oneSet = SchemaMigrations.configure(store).load();
        assertThatThrownBy(oneSet::migrate)
                .as("without realigning, Flyway refuses the store")
                .isInstanceOf(FlywayValidateException.class);

        SchemaMigrations.migrate(oneSet);

        assertThat(oneSet.validateWithResult().validationSuccessful).isTrue();
        assertThat(recordedChecksums(store)).isEqualTo(checksums(SchemaMigrations.LOCATION));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry", Long.class))
                .isEqualTo(1);
        assertThat(schema(store)).isEqualTo(before);
        SchemaMigrations.migrate(oneSet); // and again at the next start, with nothing to realign
    }

    /** A store an earlier build wrote, at V15: realigned, then migrated to the last version. */
    @Test
    void aStoreAnEarlierBuildWroteMigratesOnTheOneSet() throws Exception {
        Path file = dir.resolve("timeline.mv.db");
        try (InputStream fixture = getClass().getResourceAsStream("/h2/crashed-import.mv.db")) {
            Files.copy(fixture, file);
        }
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:file:" + dir.resolve("timeline"));
        store.setUser("sa");
        assertThat(recordedChecksums(store))
                .containsEntry("1", SchemaMigrations.ONE_SET.get("1").h2Twin());
        Flyway oneSet = SchemaMigrations.configure(store).load();

        SchemaMigrations.migrate(oneSet);

        assertThat(recordedChecksums(store)).isEqualTo(checksums(SchemaMigrations.LOCATION));
        JdbcDataSource fresh = new JdbcDataSource();
        fresh.setURL("jdbc:h2:file:" + dir.resolve("fresh"));
        fresh.setUser("sa");
        SchemaMigrations.configure(fresh).load().migrate();
        assertThat(schema(store)).isEqualTo(schema(fresh));
    }

    @Test
    void aChecksumNoTwinHadStillFailsAndNothingIsRealigned() {
        DataSource store = memory("edited");
        Flyway.configure().dataSource(store).locations(H2_TWINS).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '3'");
        Map<String, Integer> recorded = recordedChecksums(store);

        assertThatThrownBy(() -> SchemaMigrations.migrate(
                        SchemaMigrations.configure(store).load()))
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch for migration version 3");
        assertThat(recordedChecksums(store)).isEqualTo(recorded);
    }

    @Test
    void aVersionThatWasNeverTwinnedFailsEvenBesideTwinsAndNothingIsRealigned() {
        DataSource store = memory("edited-too");
        Flyway.configure().dataSource(store).locations(H2_TWINS).load().migrate();
        new JdbcTemplate(store)
                .update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '4'");
        Map<String, Integer> recorded = recordedChecksums(store);

        assertThatThrownBy(() -> SchemaMigrations.migrate(
                        SchemaMigrations.configure(store).load()))
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch for migration version 4");
        assertThat(recordedChecksums(store)).isEqualTo(recorded);
    }

    /** The list in code is the twins' and the one set's checksums, and lists every version they differ in. */
    @Test
    void theChecksumsListedAreTheTwinsAndTheOneSets() {
        Map<String, Integer> h2 = checksums(H2_TWINS);
        Map<String, Integer> postgresql = checksums(POSTGRESQL_TWINS);
        Map<String, Integer> oneSet = checksums(SchemaMigrations.LOCATION);
        assertThat(h2.keySet()).isEqualTo(postgresql.keySet());

        for (String version : h2.keySet()) {
            SchemaMigrations.Checksums listed = SchemaMigrations.ONE_SET.get(version);
            if (listed == null) {
                assertThat(List.of(h2.get(version), postgresql.get(version)))
                        .as("version %s, not listed", version)
                        .containsOnly(oneSet.get(version));
            } else {
                assertThat(listed)
                        .as("version %s", version)
                        .isEqualTo(new SchemaMigrations.Checksums(
                                h2.get(version), postgresql.get(version), oneSet.get(version)));
            }
        }
        assertThat(h2.keySet()).containsAll(SchemaMigrations.ONE_SET.keySet());
    }

    /** The placeholders the one set uses have a value on either database, and no other is set. */
    @Test
    void everyPlaceholderHasAValueOnEitherDatabase() {
        assertThat(SchemaMigrations.Vendor.H2.placeholders().keySet())
                .isEqualTo(SchemaMigrations.Vendor.POSTGRESQL.placeholders().keySet());
        assertThat(SchemaMigrations.Vendor.of(memory("which"))).isEqualTo(SchemaMigrations.Vendor.H2);
    }

    static Map<String, Integer> checksums(String location) {
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:h2:mem:checksums-" + System.nanoTime(), "sa", "")
                .locations(location)
                .load();
        return Arrays.stream(flyway.info().all())
                .collect(Collectors.toMap(
                        m -> m.getVersion().getVersion(), MigrationInfo::getChecksum, (a, b) -> a, TreeMap::new));
    }

    static Map<String, Integer> recordedChecksums(DataSource store) {
        Map<String, Integer> recorded = new TreeMap<>();
        new JdbcTemplate(store)
                .query(
                        "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL",
                        row -> {
                            recorded.put(row.getString(1), row.getInt(2));
                        });
        return recorded;
    }

    /**
     * The schema as H2 scripts it, without rows, the schema history's or any other: every table,
     * column (type, precision, default, generated), constraint, index and sequence; not where an
     * identity carries on from, which the rows decide.
     */
    private static List<String> schema(DataSource store) {
        return new JdbcTemplate(store)
                .queryForList("SCRIPT NODATA", String.class).stream()
                        .filter(line -> !line.startsWith("CREATE USER"))
                        .filter(line -> !line.startsWith("-- "))
                        .map(line -> line.replaceAll(" RESTART WITH [0-9]+", ""))
                        .toList();
    }

    private static DataSource memory(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
