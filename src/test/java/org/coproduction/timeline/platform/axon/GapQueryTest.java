package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.coproduction.timeline.platform.EventJson;
import org.coproduction.timeline.platform.SchemaMigrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GapQueryTest {

    private JdbcDataSource dataSource;
    private JdbcEventStorageEngine storage;

    @BeforeEach
    void createStore() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:gap-query-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SchemaMigrations.configure(dataSource).load().migrate();
        var serializer = new CatalogueJacksonSerializer(EventJson.newMapper());
        storage = JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreConfiguration.EVENT_SCHEMA)
                .readEventDataWithGaps(GapQuery::build)
                .build();
    }

    @Test
    void aPollWithGapsReadsTheEventsThatFilledThemAndThoseAfterTheToken() throws SQLException {
        for (long index = 1; index <= 10; index++) {
            if (index != 4 && index != 7) {
                insert(index);
            }
        }
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(4L, 7L));
        insert(7);
        insert(11);
        insert(12);

        assertThat(eventsAfter(token)).containsExactly(eventId(7), eventId(11), eventId(12));
    }

    @Test
    void theGapsAndTheBatchAreEachReadThroughThePrimaryKeyNotByScanningTheStore() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN " + GapQuery.sql(EventStoreConfiguration.EVENT_SCHEMA, 2))) {
            explain.setLong(1, 100);
            explain.setLong(2, 1100);
            explain.setLong(3, 5);
            explain.setLong(4, 7);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1).replaceAll("\\s+", " ");
                assertThat(text).contains(": GLOBAL_INDEX > ?1 AND GLOBAL_INDEX <= ?2 */");
                assertThat(text).contains(": GLOBAL_INDEX IN(?3, ?4) */");
            }
        }
    }

    private List<String> eventsAfter(GapAwareTrackingToken token) {
        List<String> ids = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            events.forEach(event -> ids.add(event.getIdentifier()));
        }
        return ids;
    }

    private static String eventId(long index) {
        return new UUID(0, index).toString();
    }

    private void insert(long index) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                                + " meta_data) VALUES (?, ?, 'project', ?, 'Project', '2024-01-01T00:00:00Z',"
                                + " 'ProjectRegistered', '1', ?, ?)")) {
            insert.setLong(1, index);
            insert.setString(2, eventId(index));
            insert.setLong(3, index);
            insert.setBytes(4, "{}".getBytes());
            insert.setBytes(5, "{}".getBytes());
            insert.executeUpdate();
        }
    }
}
