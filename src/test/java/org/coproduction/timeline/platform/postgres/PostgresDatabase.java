package org.coproduction.timeline.platform.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away database on the PostgreSQL server at 127.0.0.1:5432 (trust auth). Where no server
 * answers, the test is skipped with a message saying so, except under CI, which has one and must
 * run these tests.
 */
final class PostgresDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = System.getProperty("timeline.test.postgres.user", "postgres");

    final String name = "timeline_test_" + UUID.randomUUID().toString().replace("-", "");

    private PostgresDatabase() {}

    static PostgresDatabase createOrSkip() {
        PostgresDatabase database = new PostgresDatabase();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage()
                    + "); skipping the PostgreSQL tests";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must run the PostgreSQL tests: " + message, e);
            }
            Assumptions.abort(message);
        }
        return database;
    }

    String url() {
        return SERVER + name;
    }

    String user() {
        return USER;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
