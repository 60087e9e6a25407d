package org.coproduction.timeline.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduction.timeline.interchange.InterleavedStudies.interleave;
import static org.coproduction.timeline.interchange.InterleavedStudies.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import that keeps a single project's state at hand: the file interleaves two studies in blocks
 * longer than the importer's chunk, so each block finds the other project let go and folds it again
 * from the store, this import's own appends included. The rules must judge every line as if
 * nothing had been let go.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "timeline.import.resident-events=" + ImportLettingGoOfProjectsTest.RESIDENT)
class ImportLettingGoOfProjectsTest {

    /** Fewer events than a study has: every block of the other study lets it go. */
    static final int RESIDENT = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** More than two of the importer's chunks, so that a block spans several appends. */
    private static final int BLOCK = 2 * JsonLinesImporter.CHUNK + 500;

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void importsInterleavedStudiesWholeAndKnowsEveryLineTheSecondTime() throws IOException {
        List<String> first = study("resident-a", 1);
        List<String> second = study("resident-b", 2);
        Path file = write("interleaved.jsonl", interleave(first, second, BLOCK));

        ImportResult imported = importer.importFile(file, ImportProgress.NONE);
        ImportResult again = importer.importFile(file, ImportProgress.NONE);

        assertThat(imported.imported()).isEqualTo(first.size() + second.size());
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(first.size() + second.size());
        for (var study : List.of(List.of("resident-a", first), List.of("resident-b", second))) {
            String project = (String) study.get(0);
            int lines = ((List<?>) study.get(1)).size();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(DISTINCT sequence_number) || ':' || MIN(sequence_number) || ':'"
                                    + " || MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                            String.class,
                            project))
                    .as("%s's stream: every sequence number once, from 0", project)
                    .isEqualTo(lines + ":0:" + (lines - 1));
        }
    }

    @Test
    void refusesAContributionIdReusedAfterItsProjectWasLetGo() throws IOException {
        List<String> first = study("resident-c", 3);
        List<String> second = study("resident-d", 4);
        List<String> lines = interleave(first, second, BLOCK);
        String reused = lines.stream()
                .filter(l -> l.contains("\"ContributionRecorded\"") && l.contains("resident-c"))
                .findFirst()
                .orElseThrow();
        ObjectNode copy = (ObjectNode) JSON.readTree(reused);
        copy.put(
                "eventId",
                UUID.nameUUIDFromBytes("reused".getBytes(StandardCharsets.UTF_8))
                        .toString());
        lines.add(copy.toString());

        assertThatThrownBy(() -> importer.importFile(write("reused.jsonl", lines), ImportProgress.NONE))
                .isInstanceOfSatisfying(
                        ImportRejectedException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.line()).isEqualTo(lines.size());
                            assertThat(error.field()).isEqualTo("data.contributionId");
                        }));
        assertThat(storedEvents("resident-c") + storedEvents("resident-d")).isZero();
    }

    /**
     * Studies interleaved line by line: every chunk holds both, so one is let go after each and
     * folded again at the next, until each return has doubled the bound past what both weigh
     * (about 10,300 events: 1,000, then 2,000, 4,000, 8,000, 16,000), four returns instead of one
     * per chunk (about ten).
     */
    @Test
    void foldsProjectsAgainOnlyAFewTimesWhenTheFileHopsBetweenThemAtEveryLine() throws IOException {
        List<String> first = study("resident-g", 7);
        List<String> second = study("resident-h", 8);
        List<String> foldedAgain = new ArrayList<>();

        ImportResult imported =
                importer.importFile(write("hopping.jsonl", interleave(first, second, 1)), new ImportProgress() {
                    @Override
                    public void foldingAgain(String projectId) {
                        foldedAgain.add(projectId);
                    }
                });

        assertThat(imported.imported()).isEqualTo(first.size() + second.size());
        assertThat(foldedAgain).hasSize(4);
    }

    /** After an error the states hold lines that were checked and not appended: none is let go. */
    @Test
    void reportsOnlyTheBadLineWhenItsProjectComesBackAfterTheError() throws IOException {
        List<String> first = study("resident-e", 5);
        List<String> second = study("resident-f", 6);
        int bad = firstContributionNamedNowhereElse(first);
        ObjectNode line = (ObjectNode) JSON.readTree(first.get(bad));
        ((ObjectNode) line.get("data")).put("memberId", "never-joined");
        first.set(bad, line.toString());

        assertThatThrownBy(() ->
                        importer.importFile(write("bad.jsonl", interleave(first, second, BLOCK)), ImportProgress.NONE))
                .isInstanceOfSatisfying(
                        ImportRejectedException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.line()).isEqualTo(bad + 1);
                            assertThat(error.field()).isEqualTo("data.memberId");
                        }));
        assertThat(storedEvents("resident-e") + storedEvents("resident-f")).isZero();
    }

    /** A contribution that no retraction or influence names, so that refusing it refuses nothing else. */
    private static int firstContributionNamedNowhereElse(List<String> lines) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"ContributionRecorded\"")) {
                String id =
                        JSON.readTree(lines.get(i)).at("/data/contributionId").asText();
                String quoted = "\"" + id + "\"";
                if (lines.stream().filter(l -> l.contains(quoted)).count() == 1) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("every contribution is named twice");
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private long storedEvents(String project) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, project);
    }
}
