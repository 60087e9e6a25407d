package org.coproduction.timeline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Makes a schema migration of an H2 file all or nothing. H2 commits each DDL statement as it runs,
 * so a process killed in the middle of a migration (a first start's schema, or an upgrade's) left
 * a file that Flyway could neither finish nor repeat, and the application never started on it again
 * ({@code KillNineTest}: "Constraint UK_EVENT_IDENTIFIER not found"). So, before anything opens the
 * database and only when migrations are pending, the file is copied aside ({@code
 * timeline.mv.db.before-migration}; for a new store, an empty marker); once Flyway has migrated it
 * ({@link #strategy()}), the copy is deleted. A start that finds the copy still there knows the last
 * migration did not finish: it puts the copy back (or removes the half-made new store) and migrates
 * again. The copy is made under a temporary name and renamed, so a copy cut short is never put back.
 * PostgreSQL runs each migration in a transaction and needs none of this.
 */
public class H2MigrationGuard implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(H2MigrationGuard.class);
    private static final String BEFORE = ".before-migration";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before anything else opens the file
    }

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        Optional<H2File.Configured> h2 = H2File.configured(environment);
        if (h2.isEmpty()) {
            return;
        }
        Path store = h2.get().file();
        try {
            restoreIfInterrupted(store);
            if (!Files.exists(store) || pending(environment, h2.get())) {
                keepACopy(store);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not guard the database file's migration: " + e.getMessage(), e);
        }
    }

    /**
     * Flyway's migration ({@link SchemaMigrations#migrate}), written to the file ({@link Durability}: H2 writes commits in the
     * background, and a copy let go before would leave a kill in between a half-written schema and
     * nothing to put back), then the copy let go. The URL is the application's datasource's (Flyway
     * itself is given the pool, not a URL).
     */
    public static FlywayMigrationStrategy strategy(String url, Durability durability) {
        return flyway -> {
            SchemaMigrations.migrate(flyway);
            durability.awaitWritten();
            Optional<Path> store = H2File.of(url);
            if (store.isPresent()) {
                try {
                    Files.deleteIfExists(copy(store.get()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Path copy(Path store) {
        return store.resolveSibling(store.getFileName() + BEFORE);
    }

    private static Path partialCopy(Path store) {
        return store.resolveSibling(store.getFileName() + BEFORE + ".part");
    }

    static void restoreIfInterrupted(Path store) throws IOException {
        Files.deleteIfExists(partialCopy(store));
        Path copy = copy(store);
        if (!Files.exists(copy)) {
            return;
        }
        if (Files.size(copy) == 0) {
            Files.deleteIfExists(store);
            log.warn("The last start died while making the new database {}: it is made again", store);
        } else {
            Files.move(copy, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.warn("The last start died while migrating the database {}: its copy from before is put back", store);
        }
        Files.deleteIfExists(copy);
    }

    static void keepACopy(Path store) throws IOException {
        Path part = partialCopy(store);
        if (Files.exists(store)) {
            Files.copy(store, part, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Files.write(part, new byte[0]);
        }
        Files.move(part, copy(store), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean pending(Environment environment, H2File.Configured h2) {
        String locations = environment.getProperty("spring.flyway.locations", SchemaMigrations.LOCATION);
        Flyway flyway = Flyway.configure()
                .dataSource(h2.url(), h2.user(), h2.password())
                .locations(locations.split(","))
                .load();
        return flyway.info().pending().length > 0;
    }
}
