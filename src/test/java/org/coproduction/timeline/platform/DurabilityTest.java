package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.timeline.testing.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What was acknowledged is in the store even when the process dies the moment after: a child JVM
 * has a command (or an import) acknowledged and halts at once. Without {@link Durability}, H2 would
 * still hold the committed rows in memory, waiting for its background write (up to 500 ms later).
 */
class DurabilityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"command", "import"})
    void whatWasAcknowledgedSurvivesTheProcessDyingRightAfter(String what) throws Exception {
        Path log = dir.resolve("child.log");
        Process child =
                ChildJvm.start(List.of("-Xmx256m"), AcknowledgeThenDie.class, List.of(dir.toString(), what), log);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the child ends").isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(AcknowledgeThenDie.DIED);

        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("data").resolve("timeline"), "sa", "")) {
            if (what.equals("command")) {
                assertThat(output).contains("acknowledged: project " + AcknowledgeThenDie.PROJECT);
                assertThat(count(
                                connection,
                                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                                        + AcknowledgeThenDie.PROJECT + "'"))
                        .isEqualTo(1);
            } else {
                Matcher imported =
                        Pattern.compile("acknowledged: imported (\\d+)").matcher(output);
                assertThat(imported.find()).as(output).isTrue();
                assertThat(Long.parseLong(imported.group(1))).isGreaterThan(4000);
                assertThat(count(connection, "SELECT COUNT(*) FROM domain_event_entry"))
                        .isEqualTo(Long.parseLong(imported.group(1)));
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
