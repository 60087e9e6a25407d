package org.coproduction.timeline.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.coproduction.timeline.platform.SchemaMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one set of migrations on PostgreSQL: the schema it makes is the PostgreSQL twins' (kept as
 * they were in src/test/resources/db/old-migrations), and a database the twins migrated migrates
 * on it, its schema history realigned; a checksum no twin had still fails validation. H2: {@code
 * SchemaMigrationsTest}.
 */
class OneMigrationSetOnPostgresTest {

    private static final String TWINS = "classpath:db/old-migrations/postgresql";

    @Test
    void theOneSetMakesTheSchemaThePostgresTwinsMade() throws Exception {
        try (PostgresDatabase twins = PostgresDatabase.createOrSkip();
                PostgresDatabase oneSet = PostgresDatabase.createOrSkip()) {
            Flyway.configure()
                    .dataSource(dataSource(twins))
                    .locations(TWINS)
                    .load()
                    .migrate();
            SchemaMigrations.configure(dataSource(oneSet)).load().migrate();

            assertThat(schema(dataSource(oneSet)))
                    .hasSizeGreaterThan(300)
                    .containsExactlyElementsOf(schema(dataSource(twins)));
        }
    }

    @Test
    void aDatabaseTheTwinsMigratedStartsOnTheOneSetWithItsRowsAndItsHistoryRealigned() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip()) {
            DataSource store = dataSource(database);
            // an earlier build, at V15: the one set realigns and then applies V16 and V17
            Flyway.configure()
                    .dataSource(store)
                    .locations(TWINS)
                    .target("15")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(store);
            jdbc.update("INSERT INTO token_entry (processor_name, segment) VALUES ('timeline', 0)");
            Flyway oneSet = SchemaMigrations.configure(store).load();
            assertThatThrownBy(oneSet::migrate)
                    .as("without realigning, Flyway refuses the database")
                    .isInstanceOf(FlywayValidateException.class);

            SchemaMigrations.migrate(oneSet);

            assertThat(oneSet.validateWithResult().validationSuccessful).isTrue();
            assertThat(recordedChecksums(store)).isEqualTo(checksums(SchemaMigrations.LOCATION));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry", Long.class))
                    .isEqualTo(1);
            try (PostgresDatabase fresh = PostgresDatabase.createOrSkip()) {
                SchemaMigrations.configure(dataSource(fresh)).load().migrate();
                assertThat(schema(store)).isEqualTo(schema(dataSource(fresh)));
            }
        }
    }

    @Test
    void aChecksumNoTwinHadStillFailsAndNothingIsRealigned() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip()) {
            DataSource store = dataSource(database);
            Flyway.configure().dataSource(store).locations(TWINS).load().migrate();
            new JdbcTemplate(store).update("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '7'");
            Map<String, Integer> recorded = recordedChecksums(store);

            assertThatThrownBy(() -> SchemaMigrations.migrate(
                            SchemaMigrations.configure(store).load()))
                    .isInstanceOf(FlywayValidateException.class)
                    .hasMessageContaining("checksum mismatch for migration version 7");
            assertThat(recordedChecksums(store)).isEqualTo(recorded);
        }
    }

    @Test
    void theDatabaseIsToldPostgresPlaceholders() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip()) {
            assertThat(SchemaMigrations.Vendor.of(dataSource(database))).isEqualTo(SchemaMigrations.Vendor.POSTGRESQL);
        }
    }

    private static DataSource dataSource(PostgresDatabase database) {
        return new DriverManagerDataSource(database.url(), database.user(), "");
    }

    private static Map<String, Integer> checksums(String location) {
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:h2:mem:checksums-" + System.nanoTime(), "sa", "")
                .locations(location)
                .load();
        return Arrays.stream(flyway.info().all())
                .collect(Collectors.toMap(
                        m -> m.getVersion().getVersion(), MigrationInfo::getChecksum, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Integer> recordedChecksums(DataSource store) {
        Map<String, Integer> recorded = new TreeMap<>();
        new JdbcTemplate(store)
                .query("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL", row -> {
                    recorded.put(row.getString(1), row.getInt(2));
                });
        return recorded;
    }

    /**
     * The schema as PostgreSQL's catalogue describes it: every column (type, length, precision,
     * default, identity, generated), index, constraint and sequence of the public schema.
     */
    private static List<String> schema(DataSource store) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        List<String> schema = new ArrayList<>();
        schema.addAll(rows(
                jdbc,
                "SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length,"
                        + " numeric_precision, datetime_precision, is_nullable, column_default, is_identity,"
                        + " is_generated, generation_expression FROM information_schema.columns"
                        + " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"));
        schema.addAll(rows(
                jdbc,
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                        + " ORDER BY tablename, indexname"));
        schema.addAll(rows(
                jdbc,
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2"));
        schema.addAll(rows(
                jdbc,
                "SELECT sequencename, data_type, start_value, increment_by FROM pg_sequences"
                        + " WHERE schemaname = 'public' ORDER BY sequencename"));
        return schema;
    }

    private static List<String> rows(JdbcTemplate jdbc, String query) {
        return jdbc.query(query, (row, n) -> {
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                values.add(row.getString(column));
            }
            return String.join(" | ", values);
        });
    }
}
