package org.coproduction.timeline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which of the two supported databases the application runs on. */
public final class Databases {

    private Databases() {}

    /** Whether the database is PostgreSQL (else H2). */
    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        }
    }
}
