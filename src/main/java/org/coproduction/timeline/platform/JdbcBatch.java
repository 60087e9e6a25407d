package org.coproduction.timeline.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs one statement as a JDBC batch over rows of plain values, each bound by its Java type.
 * {@link JdbcTemplate#batchUpdate(String, List)} works out a type for every value of every row
 * (and asks the driver for parameter metadata for a null): a tenth of a read-model rebuild's
 * writing thread (JFR, a million-event rebuild), spent on values whose types the projections know.
 */
public final class JdbcBatch {

    private JdbcBatch() {}

    /** Rows of {@code String}, {@code Long}, {@code Integer}, {@code Short}, {@code Boolean}, date-time or null values. */
    public static void run(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int column = 0; column < row.length; column++) {
                    bind(statement, column + 1, row[column]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Short number) {
            statement.setShort(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }
}
