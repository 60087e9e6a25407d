package org.coproduction.timeline.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.privacy.Withdrawal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The files prove it on PostgreSQL: after a member's withdrawal, a {@code pg_dump} of the database
 * holds neither her name, her words, her note, nor her destroyed key.
 */
class ShreddedInPostgresTest {

    @Test
    void afterTheWithdrawalADumpOfTheDatabaseHoldsNothingOfHers() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createOrSkip();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--spring.datasource.url=" + database.url(),
                                "--spring.datasource.username=" + database.user(),
                                "--spring.datasource.password=",
                                "--timeline.demo.load-on-empty-store=false")) {
            String keyset = Withdrawal.recordAndWithdraw(app);
            String dump = dump(database);

            // Every name is sealed where it is kept; the team's record that is no one's personal
            // text, such as a decision's title, is in the clear (the search can find).
            assertThat(dump)
                    .doesNotContain("Olu Stays")
                    .contains("Meet monthly")
                    .contains("member_key");
            for (String marker : Withdrawal.markers(keyset)) {
                assertThat(holds(dump, marker)).as("the dump holds %s", marker).isFalse();
            }
        }
    }

    /**
     * Whether the dump holds the text: as text, or as the hexadecimal in which {@code pg_dump} writes
     * a {@code bytea} column (the events' payloads).
     */
    static boolean holds(String dump, String text) {
        return dump.contains(text) || dump.contains(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String dump(PostgresDatabase database) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(
                            "pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", database.user(), "-d", database.name)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException noPgDump) {
            Assumptions.abort("pg_dump is not installed (the PostgreSQL client): " + noPgDump.getMessage());
            throw noPgDump;
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String dump = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(dump).isZero();
        return dump;
    }
}
