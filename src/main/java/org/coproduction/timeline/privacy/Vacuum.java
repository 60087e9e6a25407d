package org.coproduction.timeline.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.coproduction.timeline.platform.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, rewrites a table once a transaction that destroyed a key or purged a name from it
 * has committed ({@code VACUUM FULL}), so that no old version of a row keeps what was destroyed. (H2
 * keeps old pages too, and compacts its file at the next start instead: {@link CompactionAtStart}.)
 */
@Component
public class Vacuum {

    private static final Logger log = LoggerFactory.getLogger(Vacuum.class);

    private final DataSource dataSource;
    private final boolean postgres;

    Vacuum(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** Vacuums the tables once the caller's transaction has committed (PostgreSQL only). */
    public void afterCommit(String... tables) {
        if (postgres) {
            List<String> names = List.of(tables);
            AfterCommit.run(() -> vacuum(names));
        }
    }

    /** On a connection of its own: VACUUM cannot run inside the transaction that just committed. */
    private void vacuum(List<String> tables) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String table : tables) {
                statement.execute("VACUUM FULL " + table);
            }
        } catch (SQLException e) {
            // The purge itself is committed; autovacuum reclaims the old rows later.
            log.warn("Could not vacuum {} after a withdrawal of consent: {}", tables, e.getMessage());
        }
    }
}
