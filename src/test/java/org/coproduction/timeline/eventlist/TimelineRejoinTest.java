package org.coproduction.timeline.eventlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.coproduction.timeline.eventlist.query.TimelineFilter;
import org.coproduction.timeline.eventlist.query.TimelinePage;
import org.coproduction.timeline.eventlist.query.TimelinePage.MemberRef;
import org.coproduction.timeline.eventlist.query.TimelineQuery;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Members who leave and join again: the timeline processor handles their joins on different
 * segments at once, and must keep every entry and show the name of the latest join.
 */
@SpringBootTest
class TimelineRejoinTest {

    private static final String PROJECT = "rejoining-study";
    private static final int MEMBERS = 12;
    private static final int ROUNDS = 4;

    @Autowired
    private JsonLinesImporter importer;

    @Autowired
    private TimelineQuery timeline;

    @TempDir
    private Path dir;

    @Test
    void givenMembersWhoRejoin_thenEveryEntryIsKeptAndTheLatestNameShown() throws IOException {
        InterchangeFile file =
                new InterchangeFile(PROJECT).add("ProjectRegistered", "2021-01-01", null, "title", "Rejoining");
        for (int round = 0; round < ROUNDS; round++) {
            for (int m = 0; m < MEMBERS; m++) {
                String day = "2021-%02d-%02d".formatted(round + 2, m + 1);
                file.memberJoined(
                        day + "T09:00:00Z",
                        null,
                        "m-" + m,
                        "Member " + m + " round " + round,
                        "RESEARCHER",
                        "ACADEMIC");
                file.add("MemberLeft", day + "T17:00:00Z", null, "memberId", "m-" + m);
            }
        }
        Path path = dir.resolve("rejoin.jsonl");
        Files.writeString(path, file.text());
        importer.importFile(path, new ImportProgress() {});
        int events = 1 + ROUNDS * MEMBERS * 2;

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> page().total() == events);
        // Asked again once all is handled: a page reads the names a moment before its entries.
        TimelinePage page = page();

        assertThat(page.entries()).hasSize(events);
        assertThat(page.entries().stream()
                        .flatMap(e -> e.members().stream())
                        .map(MemberRef::name)
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, MEMBERS)
                        .mapToObj(m -> "Member " + m + " round " + (ROUNDS - 1))
                        .toList());
    }

    private TimelinePage page() {
        return timeline.find(PROJECT, new TimelineFilter(null, null, null, null, List.of(), 0, 1000));
    }
}
