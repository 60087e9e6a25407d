package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class JdbcBatchTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2021-03-05T10:15:30.123456789Z");

    @Test
    void everyRowIsWrittenWithEachValueBoundByItsType() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:jdbc-batch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE row_types (t VARCHAR(64), l BIGINT, i INT, s SMALLINT, b BOOLEAN,"
                + " at TIMESTAMP(9) WITH TIME ZONE, n VARCHAR(64))");
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            rows.add(new Object[] {"row-" + k, 10_000_000_000L + k, k, (short) (7 + k), k % 2 == 0, AT.plusDays(k), null
            });
        }

        JdbcBatch.run(jdbc, "INSERT INTO row_types (t, l, i, s, b, at, n) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);

        List<Map<String, Object>> stored = jdbc.queryForList("SELECT * FROM row_types ORDER BY t");
        assertThat(stored).hasSize(3);
        assertThat(stored.get(2))
                .containsEntry("T", "row-2")
                .containsEntry("L", 10_000_000_002L)
                .containsEntry("I", 2)
                .containsEntry("S", 9)
                .containsEntry("B", true)
                .containsEntry("N", null);
        assertThat(jdbc.queryForObject("SELECT at FROM row_types WHERE t = 'row-1'", OffsetDateTime.class))
                .isEqualTo(AT.plusDays(1));
    }

    @Test
    void noRowsIsNoStatement() {
        JdbcBatch.run(new JdbcTemplate(), "not even SQL", List.of());
    }
}
