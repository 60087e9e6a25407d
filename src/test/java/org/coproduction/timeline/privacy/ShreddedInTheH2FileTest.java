package org.coproduction.timeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.coproduction.timeline.TimelineApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files prove it: after a member's withdrawal, and the compaction the application runs at its
 * next start, the H2 database file holds neither her name, her words, her note, nor her destroyed
 * key, in any page, live or old.
 */
class ShreddedInTheH2FileTest {

    @Test
    void afterTheWithdrawalAndTheNextStartTheFileHoldsNothingOfHers() throws Exception {
        Path dir = Path.of("./target/test-data/shredded-" + UUID.randomUUID());
        // H2 compacts a little when it closes (200 ms by default): none here, as in a large file, so
        // that the old pages are still there when the application next starts.
        String[] args = {
            "--timeline.data-dir=" + dir,
            "--timeline.demo.load-on-empty-store=false",
            "--spring.datasource.url=jdbc:h2:file:" + dir + "/timeline;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0",
        };
        String keyset;
        try (ConfigurableApplicationContext app = start(args)) {
            keyset = Withdrawal.recordAndWithdraw(app);
        }
        Path file = dir.resolve("timeline.mv.db");
        List<String> markers = Withdrawal.markers(keyset);
        assertThat(markers.get(3)).hasSize(48);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                .as("before the next start, an old page still holds her destroyed key")
                .contains(markers.get(3));

        try (ConfigurableApplicationContext app = start(args)) {
            assertThat(app.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "SELECT COUNT(*) FROM member_key WHERE destroyed_at IS NOT NULL"
                                            + " AND compacted_at IS NOT NULL",
                                    Long.class))
                    .isEqualTo(1);
        }
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String marker : markers) {
            assertThat(bytes.contains(marker)).as("the file holds %s", marker).isFalse();
        }
        // The other member's name is sealed wherever it is kept; what stays in the clear is the
        // team's record that is no one's personal text, such as a decision's title (the scan can find).
        assertThat(bytes).doesNotContain("Olu Stays").contains("Meet monthly");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }
}
