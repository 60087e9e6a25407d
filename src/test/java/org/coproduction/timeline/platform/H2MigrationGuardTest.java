package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A migration cut short is undone at the next start: the file from before it, or no file at all. */
class H2MigrationGuardTest {

    @TempDir
    Path dir;

    @Test
    void anUpgradeCutShortIsUndoneFromTheCopy() throws Exception {
        Path store = Files.writeString(dir.resolve("timeline.mv.db"), "before the migration");
        H2MigrationGuard.keepACopy(store);
        Files.writeString(store, "half migrated");

        H2MigrationGuard.restoreIfInterrupted(store);

        assertThat(store).hasContent("before the migration");
        assertThat(dir.resolve("timeline.mv.db.before-migration")).doesNotExist();
    }

    @Test
    void aNewStoreCutShortIsMadeAgain() throws Exception {
        Path store = dir.resolve("timeline.mv.db");
        H2MigrationGuard.keepACopy(store);
        Files.writeString(store, "half made");

        H2MigrationGuard.restoreIfInterrupted(store);

        assertThat(store).doesNotExist();
        assertThat(dir.resolve("timeline.mv.db.before-migration")).doesNotExist();
    }

    @Test
    void aCopyCutShortIsNeverPutBack() throws Exception {
        Path store = Files.writeString(dir.resolve("timeline.mv.db"), "the store");
        Files.writeString(dir.resolve("timeline.mv.db.before-migration.part"), "the st");

        H2MigrationGuard.restoreIfInterrupted(store);

        assertThat(store).hasContent("the store");
        assertThat(dir.resolve("timeline.mv.db.before-migration.part")).doesNotExist();
    }

    @Test
    void aMigrationThatFinishesLetsItsCopyGo() throws Exception {
        Path store = Files.writeString(dir.resolve("timeline.mv.db"), "before the migration");
        H2MigrationGuard.keepACopy(store);
        Flyway flyway = mock(Flyway.class);
        Durability durability = mock(Durability.class);

        H2MigrationGuard.strategy("jdbc:h2:file:" + dir.resolve("timeline") + ";DB_CLOSE_ON_EXIT=FALSE", durability)
                .migrate(flyway);

        var order = inOrder(flyway, durability);
        order.verify(flyway).migrate();
        order.verify(durability).awaitWritten();
        assertThat(dir.resolve("timeline.mv.db.before-migration")).doesNotExist();
        H2MigrationGuard.restoreIfInterrupted(store);
        assertThat(store).hasContent("before the migration");
    }

    @Test
    void aStoreWithNothingPendingIsLeftAlone() throws Exception {
        Path store = Files.writeString(dir.resolve("timeline.mv.db"), "the store");

        H2MigrationGuard.restoreIfInterrupted(store);

        assertThat(store).hasContent("the store");
    }
}
