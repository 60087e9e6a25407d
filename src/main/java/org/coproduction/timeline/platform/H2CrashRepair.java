package org.coproduction.timeline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Rebuilds an H2 file that was not closed cleanly (a {@code kill -9}, a power cut, an exit on running
 * out of memory) from its rows, before anything else opens it. After a crash cut a large transaction
 * short (an import's), H2 2.3 rolls its rows back but can keep entries of them in a secondary index:
 * in one of 20 kills of {@code KillNineTest} the project index of the event table listed a row the
 * table no longer held ("Row 593 not found in primary index"), and every later import or command
 * on that project failed. A new file made from the rows holds no such entry. An import that the
 * stop cut short is undone first ({@link ImportInProgress}): H2 does not always roll its
 * transaction back whole either.
 *
 * <p>A marker beside the file ({@code timeline.mv.db.open}) is written at every start and deleted
 * once the connection pool, and with it the database, is closed; a start that finds it (and does
 * not have the file open in this JVM already) asks H2 for every table's rows and the schema as SQL
 * ({@code SCRIPT}), runs that into a new file beside the old ({@code RUNSCRIPT}), writes it to disk
 * and renames it over the old one. Killed at any moment of that, the old file and the marker are
 * still there, and the next start does it again. PostgreSQL recovers from its own log and needs none
 * of this.
 */
public class H2CrashRepair implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(H2CrashRepair.class);
    private static final String OPEN = ".open";

    /** The files this JVM has open: a second context on the same file finds the marker of the first. */
    private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after the migration guard puts back a copy, before the rest
    }

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Optional<H2File.Configured> h2 =
                H2File.configured(event.getApplicationContext().getEnvironment());
        if (h2.isEmpty()) {
            return;
        }
        Path store = h2.get().file().toAbsolutePath().normalize();
        Path marker = marker(store);
        try {
            repairIfStoppedUncleanly(
                    store, h2.get().url(), h2.get().user(), h2.get().password());
            Files.createDirectories(store.getParent());
            Files.writeString(
                    marker, "open by process " + ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the database file after its last stop: " + e, e);
        }
        OPEN_HERE.add(store);
        CleanStop stop = new CleanStop(store, marker);
        DefaultListableBeanFactory beans =
                (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
        beans.registerSingleton("h2CleanStop", stop);
        beans.registerDisposableBean("h2CleanStop", stop);
        // The pool depends on it: destroyed (closed, and the database with it) before the marker goes.
        beans.registerDependentBean("h2CleanStop", "dataSource");
    }

    /**
     * What a start does before anything opens the H2 file: rebuilds it if it was not closed cleanly
     * (and no context of this JVM has it open), else lets go of a stale import marker. Answers
     * whether it rebuilt the file.
     */
    public static boolean repairIfStoppedUncleanly(Path store, String url, String user, String password)
            throws IOException {
        if (OPEN_HERE.contains(store)) {
            return false; // another context of this JVM has it open: not a crash
        }
        if (Files.exists(store) && Files.exists(marker(store))) {
            rebuild(store, url, user, password);
            return true;
        }
        // stopped cleanly: an import then ended, whatever happened to its marker
        Files.deleteIfExists(ImportInProgress.marker(store));
        return false;
    }

    static Path marker(Path store) {
        return store.resolveSibling(store.getFileName() + OPEN);
    }

    /** Deletes the marker once the database is closed. */
    record CleanStop(Path store, Path marker) implements DisposableBean {
        @Override
        public void destroy() throws IOException {
            Files.deleteIfExists(marker);
            OPEN_HERE.remove(store);
        }
    }

    /**
     * Replaces the H2 file with one made from its rows and schema; the old file stays until the new
     * one is on disk. {@code url} opens the old file (with the application's settings).
     */
    public static void rebuild(Path store, String url, String user, String password) {
        String name = store.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        Path script = store.resolveSibling(name + ".rebuild.sql.gz");
        Path freshBase = store.resolveSibling(name + "-rebuild");
        Path fresh = store.resolveSibling(name + "-rebuild.mv.db");
        long started = System.nanoTime();
        try {
            Files.deleteIfExists(script);
            Files.deleteIfExists(fresh);
            log.warn(
                    "The database {} was not closed cleanly at its last stop: rebuilding it from its rows"
                            + " ({} MB), which takes a while for a large store",
                    store,
                    Files.size(store) / (1024 * 1024));
            try (Connection old = DriverManager.getConnection(url, user, password);
                    Statement statement = old.createStatement()) {
                statement.execute("SCRIPT TO " + literal(script) + " COMPRESSION GZIP");
            }
            try (Connection made = DriverManager.getConnection("jdbc:h2:file:" + freshBase, user, password);
                    Statement statement = made.createStatement()) {
                statement.execute("RUNSCRIPT FROM " + literal(script) + " COMPRESSION GZIP");
                // in the new file: the old one's indexes may list rows it no longer holds
                ImportInProgress.undo(store, made);
            }
            try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(fresh, Files.getPosixFilePermissions(store));
            }
            Files.move(fresh, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(ImportInProgress.marker(store));
            Files.deleteIfExists(script);
            log.info("Rebuilt the database {} in {} ms", store, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(
                    "Could not rebuild the database " + store + " after an unclean stop: " + e.getMessage(), e);
        }
    }

    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
