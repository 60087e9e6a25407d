package org.coproduction.timeline.privacy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.coproduction.timeline.platform.H2File;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Finishes crypto-shredding in an H2 file: H2 keeps old pages of the file until it compacts it, so
 * after a member's key is destroyed an old page may still hold the keyset (and names a read model
 * held before it purged them). At start-up, before anything else opens the database, an H2 file with
 * a key destroyed since its last compaction is compacted: H2's own {@code MVStoreTool.compact} copies
 * what is live into a new file that replaces the old one, so no page of the file holds what was
 * destroyed. (Not {@code SHUTDOWN COMPACT}: it compresses the new file, whose bytes then cannot be
 * searched for what they hold, which is how the tests show that nothing stays.) PostgreSQL tables are
 * vacuumed when the withdrawal is recorded instead ({@link Vacuum}).
 */
public class CompactionAtStart implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(CompactionAtStart.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        existingH2File(event.getApplicationContext().getEnvironment())
                .ifPresent(CompactionAtStart::compactIfAKeyWasDestroyed);
    }

    /** The configured database, if it is an H2 file that exists. */
    private static Optional<H2File.Configured> existingH2File(Environment environment) {
        return H2File.configured(environment).filter(h2 -> Files.exists(h2.file()));
    }

    /**
     * Compacts the configured H2 file now (the application must not have it open): after a copy of
     * the store, no old page of the file keeps what the copy replaced. Nothing for PostgreSQL, which
     * drops a dropped table's files.
     */
    public static void compact(Environment environment) {
        existingH2File(environment)
                .ifPresent(h2 -> MVStoreTool.compact(h2.file().toString(), false));
    }

    static void compactIfAKeyWasDestroyed(H2File.Configured h2) {
        int destroyed;
        // The last connection to close closes the database: the file is then free to be rewritten.
        try (Connection connection = DriverManager.getConnection(h2.url(), h2.user(), h2.password());
                Statement statement = connection.createStatement()) {
            destroyed = statement.executeUpdate("UPDATE member_key SET compacted_at = CURRENT_TIMESTAMP"
                    + " WHERE destroyed_at IS NOT NULL AND compacted_at IS NULL");
        } catch (SQLException notYetMigrated) {
            return; // a store older than its key table: nothing was destroyed in it
        }
        if (destroyed == 0) {
            return;
        }
        try {
            long before = Files.size(h2.file());
            MVStoreTool.compact(h2.file().toString(), false);
            log.info(
                    "Compacted the database file ({} bytes before, {} after) after {} member key(s) were"
                            + " destroyed: no page of it holds them any more",
                    before,
                    Files.size(h2.file()),
                    destroyed);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "Could not compact the database after a withdrawal of consent: " + e.getMessage(), e);
        }
    }
}
