package org.coproduction.timeline.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.api.RuleViolationException;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationFold;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.participation.query.ParticipationReadModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The participation tables answer only when they hold the project's whole stream: a question asked
 * while the processor is behind the project waits a little, then leaves the answer to the fold of
 * the events, so a team never sees a figure that misses what it has just recorded.
 */
@SpringBootTest
class ParticipationReadModelCatchUpTest {

    private static final String PROJECT = "participation-catch-up";
    private static final String MEETING_AT = "2024-02-01T10:00:00Z";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    JsonLinesImporter importer;

    @Autowired
    ParticipationReadModel readModel;

    @Autowired
    ParticipationQuery query;

    @Autowired
    EventProcessingConfiguration processing;

    @TempDir
    Path dir;

    @Test
    void cannotAskAboutAProjectNeverRegistered() {
        Instant now = Instant.now();

        assertThatThrownBy(() -> readModel.fold("participation-never-registered", new PointInTime(now, now)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.kind())
                        .isEqualTo(RuleViolationException.Kind.NOT_FOUND));
    }

    @Test
    void givenTheProcessorBehindTheProject_thenTheTablesLeaveTheAnswerToTheFoldUntilTheyCatchUp() throws IOException {
        InterchangeFile file = new InterchangeFile(PROJECT)
                .add("ProjectRegistered", "2024-01-01", "2024-01-01T09:00:00Z", "title", "Catch-up study")
                .memberJoined("2024-01-02", "2024-01-02T09:00:00Z", "ann", "Ann Archer", "RESEARCHER", "ACADEMIC")
                .add(
                        "MeetingHeld",
                        MEETING_AT,
                        MEETING_AT,
                        "meetingId",
                        "m1",
                        "title",
                        "Team meeting",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("ann"));
        contribute(file, "c1");
        importLines(file, "first.jsonl");
        await().atMost(PATIENCE).until(() -> readModel
                .fold(PROJECT, new PointInTime(Instant.now(), Instant.now()))
                .isPresent());
        assertThat(contributions(readModel
                        .fold(PROJECT, new PointInTime(Instant.now(), Instant.now()))
                        .orElseThrow()))
                .isEqualTo(1);

        StreamingEventProcessor processor = processing
                .eventProcessor("participation", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            importLines(contribute(file, "c2"), "second.jsonl");
            Instant now = Instant.now();

            assertThat(readModel.fold(PROJECT, new PointInTime(now, now))).isEmpty();
            assertThat(query.participation(PROJECT, WindowKind.PROJECT, new PointInTime(now, now))
                            .windows()
                            .get(0)
                            .totalContributions())
                    .isEqualTo(2);
        } finally {
            processor.start();
        }
        await().atMost(PATIENCE).until(() -> readModel
                .fold(PROJECT, new PointInTime(Instant.now(), Instant.now()))
                .map(ParticipationReadModelCatchUpTest::contributions)
                .orElse(0)
                .equals(2));
    }

    private static InterchangeFile contribute(InterchangeFile file, String id) {
        return file.add(
                "ContributionRecorded",
                "2024-02-01T10:05:00Z",
                MEETING_AT,
                "meetingId",
                "m1",
                "contributionId",
                id,
                "memberId",
                "ann",
                "category",
                "GIVES_OPINION");
    }

    private static int contributions(ParticipationFold fold) {
        return fold.participation(PROJECT, WindowKind.PROJECT).windows().get(0).totalContributions();
    }

    private void importLines(InterchangeFile file, String name) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, file.text(), StandardCharsets.UTF_8);
        importer.importFile(path, ImportProgress.NONE);
    }
}
