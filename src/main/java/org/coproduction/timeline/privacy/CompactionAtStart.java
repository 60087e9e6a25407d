package org.coproduction.timeline.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Finishes crypto-shredding in an H2 file: H2 keeps old pages of the file until it compacts it, so
 * after a member's key is destroyed an old page may still hold the keyset (and names a read model
 * held before it purged them). At start-up, before anything else opens the database, an H2 file with
 * a key destroyed since its last compaction is compacted ({@code SHUTDOWN COMPACT}, which rewrites
 * the file): after that no page of the file holds what was destroyed. PostgreSQL tables are
 * vacuumed when the withdrawal is recorded instead ({@link Vacuum}).
 */
public class CompactionAtStart implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(CompactionAtStart.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(H2_FILE)) {
            return;
        }
        String path = url.substring(H2_FILE.length()).split(";", 2)[0];
        if (!Files.exists(Path.of(path + ".mv.db"))) {
            return;
        }
        compactIfAKeyWasDestroyed(
                url,
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""));
    }

    static void compactIfAKeyWasDestroyed(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            int destroyed;
            try {
                destroyed = statement.executeUpdate("UPDATE member_key SET compacted_at = CURRENT_TIMESTAMP"
                        + " WHERE destroyed_at IS NOT NULL AND compacted_at IS NULL");
            } catch (SQLException notYetMigrated) {
                return; // a store older than its key table: nothing was destroyed in it
            }
            if (destroyed == 0) {
                return;
            }
            long before = Files.size(Path.of(url.substring(H2_FILE.length()).split(";", 2)[0] + ".mv.db"));
            statement.execute("SHUTDOWN COMPACT");
            log.info(
                    "Compacted the database file ({} bytes before) after {} member key(s) were destroyed:"
                            + " no page of it holds them any more",
                    before,
                    destroyed);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(
                    "Could not compact the database after a withdrawal of consent: " + e.getMessage(), e);
        }
    }
}
