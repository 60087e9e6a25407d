package org.coproduction.timeline.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The query a streaming processor polls with while its token has gaps (events appended by
 * transactions that had not committed when it read past them). Axon's own statement is
 * {@code WHERE (i > ? AND i <= ?) OR i IN (gaps)}: H2 does not use the primary key for that
 * disjunction and reads the whole event store at every poll, a cost that grows with the store.
 * Written as two index range reads joined by {@code UNION ALL}, each poll reads the batch and the
 * gaps only, on H2 and PostgreSQL alike. The two parts cannot overlap: a token's gaps all lie at or
 * below its index.
 */
final class GapQuery {

    private GapQuery() {}

    static PreparedStatement build(
            Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    static String sql(EventSchema schema, int gaps) {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        String range = select + index + " > ? AND " + index + " <= ?";
        String order = " ORDER BY " + index + " ASC";
        if (gaps == 0) {
            return range + order;
        }
        return range + " UNION ALL " + select + index + " IN (" + String.join(",", Collections.nCopies(gaps, "?")) + ")"
                + order;
    }
}
