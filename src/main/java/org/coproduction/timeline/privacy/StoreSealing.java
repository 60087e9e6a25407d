package org.coproduction.timeline.privacy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.platform.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Migrates an event store written before personal text was sealed, the event-sourcing way: copy
 * and replace. A new event table is written from the old one in its order, every event with the same
 * global position, id, project, sequence number, recorded time and metadata, its personal text
 * sealed (under the member's key; under a key forgotten at once for a member whose key was destroyed
 * already, and a withdrawal copied destroys the member's key as it does when recorded); then the new
 * table takes the old one's name and the old one is dropped. No event is ever updated in place; a copy
 * that fails leaves the old table as it was, and the next run starts the copy again.
 */
@Component
public class StoreSealing {

    static final String EVENTS = "domain_event_entry";
    static final String COPY = "domain_event_entry_sealed";
    static final String OLD = "domain_event_entry_presealing";
    private static final int PAGE = 1000;
    private static final Set<String> PERSONAL_TYPES = Set.of(
            "MemberJoined",
            "ContributionRecorded",
            "InfluenceRecorded",
            "ReflectionWritten",
            "InterviewRecorded",
            "ConsentWithdrawn");
    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Sealing sealing;
    private final boolean postgres;

    StoreSealing(JdbcTemplate jdbc, Serializer serializer, Sealing sealing, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.sealing = sealing;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** What a copy did: the events copied, and how many of them had text in the clear now sealed. */
    public record Result(long events, long sealed) {}

    /**
     * Whether any stored event holds personal text in the clear (if none, there is nothing to
     * migrate); reads only as far as the first that does.
     */
    public boolean holdsTextInTheClear() {
        finishAnInterruptedSwap();
        return !forEachPage(EVENTS, rows -> rows.stream()
                .noneMatch(
                        row -> PERSONAL_TYPES.contains(row.payloadType()) && Sealing.holdsTextInTheClear(event(row))));
    }

    /**
     * Copies the store into a new table with every personal text sealed, then replaces the old table
     * with it. The caller pauses the event processors and rebuilds the read models after (they may
     * hold names in the clear). {@code progress} hears how many events are copied so far.
     */
    public Result copyAndReplace(LongConsumer progress) {
        finishAnInterruptedSwap();
        jdbc.execute("DROP TABLE IF EXISTS " + COPY);
        createCopyTable();
        long[] counts = {0, 0};
        forEachPage(EVENTS, rows -> {
            List<Object[]> inserts = new ArrayList<>(rows.size());
            for (Row row : rows) {
                byte[] payload = row.payload();
                if (PERSONAL_TYPES.contains(row.payloadType())) {
                    ProjectEvent event = event(row);
                    ProjectEvent sealed = sealing.sealForCopy(event, row.eventId());
                    if (sealed != event) {
                        payload = serializer.serialize(sealed, byte[].class).getData();
                        counts[1]++;
                    }
                    sealing.stored(event);
                }
                inserts.add(new Object[] {
                    row.globalIndex(),
                    row.eventId(),
                    row.aggregateId(),
                    row.sequenceNumber(),
                    row.type(),
                    row.timeStamp(),
                    row.payloadType(),
                    row.payloadRevision(),
                    payload,
                    row.metaData()
                });
            }
            jdbc.batchUpdate(
                    "INSERT INTO " + COPY + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
            counts[0] += rows.size();
            progress.accept(counts[0]);
            return true;
        });
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM " + EVENTS, Long.class);
        long after = jdbc.queryForObject("SELECT COUNT(*) FROM " + COPY, Long.class);
        if (before != after) {
            jdbc.execute("DROP TABLE " + COPY);
            throw new IllegalStateException("the copy holds " + after + " events, the store " + before
                    + " (were events recorded meanwhile?); nothing was replaced");
        }
        jdbc.execute("ALTER TABLE " + EVENTS + " RENAME TO " + OLD);
        finishAnInterruptedSwap();
        return new Result(counts[0], counts[1]);
    }

    /**
     * The end of a replacement: once the old table is renamed, the copy (complete: it is renamed only
     * after it was checked) takes its name and the old table is dropped. Run again after a process
     * that stopped half-way through it.
     */
    private void finishAnInterruptedSwap() {
        if (!exists(OLD)) {
            return;
        }
        if (!exists(EVENTS)) {
            jdbc.execute("ALTER TABLE " + COPY + " RENAME TO " + EVENTS);
        }
        jdbc.execute("DROP TABLE " + OLD);
        jdbc.execute("ALTER TABLE " + EVENTS + " RENAME CONSTRAINT uk_aggregate_sequence_sealed"
                + " TO uk_aggregate_sequence");
        jdbc.execute("ALTER TABLE " + EVENTS + " RENAME CONSTRAINT uk_event_uuid_sealed TO uk_event_uuid");
        Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM " + EVENTS, Long.class);
        jdbc.execute(
                "ALTER TABLE " + EVENTS + " ALTER COLUMN global_index RESTART WITH " + ((last == null ? 0 : last) + 1));
    }

    /** The event table's shape (docs/events.md; Flyway's V1 and V7), under names of its own. */
    private void createCopyTable() {
        String bytes = postgres ? "BYTEA" : "VARBINARY";
        jdbc.execute("CREATE TABLE " + COPY + " ("
                + " global_index BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " event_identifier VARCHAR(255) NOT NULL,"
                + " aggregate_identifier VARCHAR(255) NOT NULL,"
                + " sequence_number BIGINT NOT NULL,"
                + " type VARCHAR(255),"
                + " time_stamp VARCHAR(255) NOT NULL,"
                + " payload_type VARCHAR(255) NOT NULL,"
                + " payload_revision VARCHAR(255),"
                + " payload " + bytes + " NOT NULL,"
                + " meta_data " + bytes + ","
                + " CONSTRAINT uk_aggregate_sequence_sealed UNIQUE (aggregate_identifier, sequence_number))");
        jdbc.execute("ALTER TABLE " + COPY + " ADD COLUMN event_uuid "
                + (postgres
                        ? "uuid GENERATED ALWAYS AS (CAST(event_identifier AS uuid)) STORED"
                        : "UUID GENERATED ALWAYS AS (CAST(event_identifier AS UUID))"));
        jdbc.execute("ALTER TABLE " + COPY + " ADD CONSTRAINT uk_event_uuid_sealed UNIQUE (event_uuid)");
    }

    private record Row(
            long globalIndex,
            String eventId,
            String aggregateId,
            long sequenceNumber,
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {}

    /**
     * The table's rows in order, a page at a time (a position after the last: memory stays bounded),
     * while {@code page} answers true; whether every page was read.
     */
    private boolean forEachPage(String table, Predicate<List<Row>> page) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Row> rows = jdbc.query(
                    "SELECT " + COLUMNS + " FROM " + table + " WHERE global_index > ? ORDER BY global_index"
                            + " FETCH FIRST " + PAGE + " ROWS ONLY",
                    (rs, n) -> new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getBytes(9),
                            rs.getBytes(10)),
                    after);
            if (rows.isEmpty()) {
                return true;
            }
            if (!page.test(rows)) {
                return false;
            }
            after = rows.get(rows.size() - 1).globalIndex();
        }
    }

    private ProjectEvent event(Row row) {
        SerializedObject<byte[]> serialized =
                new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(), row.payloadRevision());
        return serializer.deserialize(serialized);
    }

    private boolean exists(String table) {
        return !jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) = ?",
                        String.class,
                        table)
                .isEmpty();
    }
}
