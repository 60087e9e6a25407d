package org.coproduction.timeline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An import into an H2 file that a crash cuts short is undone at the next start, whatever H2's
 * recovery leaves of its transaction. H2 2.3 does not always roll such a transaction back whole:
 * {@code KillNineTest} stores held some of the events of an import killed while it stored them
 * (ADR 0008). So before the import's transaction begins, with nothing else
 * appending ({@code AppendGate}), the last position in the event store is written to a file beside
 * the database ({@code timeline.mv.db.import}, on disk before any of the import's rows can be); the
 * file goes once the transaction has committed or rolled back and that is in the database's file.
 * A start after an unclean stop that finds it ({@link H2CrashRepair}) removes every row past that
 * position before anything reads the store: rows of a transaction that never committed, from an
 * import that was never answered, and the member keys of projects that are left with no event (a
 * key the undone import destroyed would otherwise refuse that member's text when the file comes
 * again: KillNineTest found it). A withdrawal such an import stores destroys its member's key only
 * after the commit ({@code WithdrawalsAfterImport}), since a key cannot be made again: an import
 * undone here has destroyed none. Nothing for PostgreSQL, which rolls back what did not commit.
 */
@Component
public class ImportInProgress {

    private static final Logger log = LoggerFactory.getLogger(ImportInProgress.class);
    private static final String SUFFIX = ".import";

    private final Optional<Path> marker;
    private final JdbcClient jdbc;
    private final Durability durability;

    ImportInProgress(@Value("${spring.datasource.url:}") String url, JdbcClient jdbc, Durability durability) {
        this.marker = H2File.of(url).map(ImportInProgress::marker);
        this.jdbc = jdbc;
        this.durability = durability;
    }

    /**
     * Whether a start after a crash may undo an import that has stored its events (an H2 file): what
     * such an import cannot undo, a member key destroyed, then waits for the import to commit.
     */
    public boolean mayBeUndone() {
        return marker.isPresent();
    }

    public static Path marker(Path store) {
        return store.resolveSibling(store.getFileName() + SUFFIX);
    }

    /**
     * Runs an import's transaction with its start position on disk beside the H2 file, and lets it
     * go once the transaction's end is written. The caller keeps every other append out meanwhile.
     */
    public <T> T around(Supplier<T> importTransaction) {
        if (marker.isEmpty()) {
            return importTransaction.get();
        }
        long after = jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
        write(marker.get(), after);
        try {
            return importTransaction.get();
        } finally {
            durability.awaitWritten();
            try {
                Files.deleteIfExists(marker.get());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not let go of " + marker.get() + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
            return tables.next();
        }
    }

    /** Written whole under another name, on disk, then renamed: the marker is whole or absent. */
    private static void write(Path file, long after) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (FileChannel channel = FileChannel.open(
                part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(Long.toString(after).getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not note the import's start beside the database: " + e, e);
        }
        try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not note the import's start beside the database: " + e, e);
        }
    }

    /**
     * At a start after an unclean stop, with {@code connection} on the store made again from the
     * H2 file's rows ({@link H2CrashRepair}) and nothing else open on it: removes the rows an import
     * cut short by that stop left past its start position. The marker stays until the store made
     * again has replaced the old one. Answers how many rows were removed.
     */
    public static long undo(Path store, Connection connection) throws IOException, SQLException {
        Path file = marker(store);
        if (!Files.exists(file)) {
            return 0;
        }
        long after =
                Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        long removed;
        try (Statement statement = connection.createStatement()) {
            removed = statement.executeUpdate("DELETE FROM domain_event_entry WHERE global_index > " + after);
            // The import's transaction made and destroyed members' keys too, and H2 (or a commit the
            // import never answered) can keep those rows: a key destroyed by a withdrawal in the undone
            // import would refuse that member's text when the file is imported again. A project the
            // import registered has no event left: its keys go with it, and the next import makes them anew.
            long keys = statement.executeUpdate("DELETE FROM member_key WHERE project_id NOT IN"
                    + " (SELECT DISTINCT aggregate_identifier FROM domain_event_entry)");
            if (keys > 0) {
                log.warn("The undone import's projects hold no event: {} member key(s) of theirs are removed", keys);
            }
            // Its withdrawals destroyed no key yet: they waited for a commit that is now undone.
            if (hasTable(connection, "WITHDRAWAL_PENDING")) {
                statement.executeUpdate("DELETE FROM withdrawal_pending");
            }
            try (ResultSet left = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
                left.next();
                log.warn(
                        "An import was cut short by the last stop: {} row(s) H2 kept of its transaction are"
                                + " removed; the store holds {} events, as before it",
                        removed,
                        left.getLong(1));
            }
        }
        return removed;
    }
}
