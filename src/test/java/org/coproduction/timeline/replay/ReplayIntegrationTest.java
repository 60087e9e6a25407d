package org.coproduction.timeline.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.influence.api.DecisionOverview;
import org.coproduction.timeline.influence.query.InfluenceReadModel;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.coproduction.timeline.participation.api.Participation;
import org.coproduction.timeline.participation.api.WindowKind;
import org.coproduction.timeline.participation.query.ParticipationQuery;
import org.coproduction.timeline.project.query.ProjectSummary;
import org.coproduction.timeline.project.query.ProjectSummaryProjection;
import org.coproduction.timeline.replay.api.PhaseReplay;
import org.coproduction.timeline.replay.api.PhaseReplay.PhaseDecision;
import org.coproduction.timeline.replay.api.ProjectReplay;
import org.coproduction.timeline.replay.query.ReplayQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The replay of the demo study checked against the store itself: stopping at a date equals
 * replaying a store that holds only what had happened by then, replaying as known at a date equals
 * replaying a store that holds only what was recorded by then, and the last phase is the present.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class ReplayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String FULL = "replay-full";
    private static final String CUT = "replay-cut";
    private static final String EARLY = "replay-known-early";

    /** In the demo's data-collection phase (2022-01-10 to 2022-09-05). */
    private static final String UNTIL = "2022-03-15T12:00:00Z";
    /** In the demo's recruitment phase: phases, meetings and reflections after it are not yet recorded. */
    private static final String KNOWN_AT = "2021-12-01T00:00:00Z";

    private static boolean imported;

    @Autowired
    private JsonLinesImporter importer;

    @Autowired
    private ReplayQuery replays;

    @Autowired
    private InfluenceReadModel influence;

    @Autowired
    private ProjectSummaryProjection projects;

    @Autowired
    private ParticipationQuery participation;

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private ObjectMapper mapper;

    @TempDir
    private Path dir;

    @BeforeEach
    void importTheDemoThreeWays() throws IOException {
        if (imported) {
            return;
        }
        List<ObjectNode> demo = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
        importLines(FULL, demo);
        Instant until = Instant.parse(UNTIL);
        importLines(CUT, occurredBy(demo, until));
        Instant knownAt = Instant.parse(KNOWN_AT);
        importLines(
                EARLY,
                demo.stream()
                        .filter(line ->
                                !Instant.parse(line.get("recordedAt").asText()).isAfter(knownAt))
                        .toList());
        imported = true;
    }

    @Test
    void givenUntilADate_thenReplayEqualsTheReplayOfAStoreHoldingOnlyWhatHadHappenedByThen() {
        ProjectReplay full = replays.replay(FULL, Instant.now(), UNTIL);
        ProjectReplay cut = replays.replay(CUT, Instant.now(), UNTIL);

        assertThat(full.phases())
                .extracting(PhaseReplay::phaseId)
                .containsExactly("design", "ethics", "recruitment", "data-collection");
        assertThat(full.phases().get(3).end()).isEqualTo(Instant.parse(UNTIL));
        assertThat(withoutEventIds(full)).isEqualTo(withoutEventIds(cut));
    }

    @Test
    void givenKnownAtADate_thenReplayEqualsTheReplayOfAStoreHoldingOnlyWhatWasRecordedByThen() {
        ProjectReplay asKnown = replays.replay(FULL, Instant.parse(KNOWN_AT), null);
        ProjectReplay early = replays.replay(EARLY, Instant.now(), null);

        assertThat(withoutEventIds(asKnown)).isEqualTo(withoutEventIds(early));
        assertThat(asKnown.events()).isEqualTo(early.events());
        assertThat(asKnown.phases()).extracting(PhaseReplay::phaseId).doesNotContain("data-collection");
    }

    @Test
    void lastPhaseIsThePresentAsTheLiveReadModelsShowIt() {
        ProjectReplay replay = replays.replay(FULL, Instant.now(), null);
        PhaseReplay last = replay.phases().get(replay.phases().size() - 1);
        ProjectSummary summary = await().atMost(PATIENCE)
                .until(
                        () -> projects.all().stream()
                                .filter(p -> p.projectId().equals(FULL))
                                .findFirst()
                                .orElse(null),
                        p -> p != null && p.closedAt() != null);
        List<DecisionOverview> decisions = await().atMost(PATIENCE)
                .until(
                        () -> influence
                                .decisions(FULL, new PointInTime(Instant.now(), Instant.now()))
                                .decisions(),
                        list -> list.size() == countDecisions(replay));

        assertThat(last.end()).isNull();
        assertThat(last.name()).isEqualTo(summary.currentPhase());
        assertThat(last.team()).hasSize(summary.members());
        Map<String, PhaseDecision> latest = new java.util.HashMap<>();
        replay.phases().forEach(phase -> phase.decisions().forEach(d -> latest.put(d.decisionId(), d)));
        for (DecisionOverview decision : decisions) {
            PhaseDecision replayed = latest.get(decision.decisionId());
            assertThat(replayed.status()).as(decision.decisionId()).isEqualTo(decision.status());
            assertThat(replayed.outcome()).as(decision.decisionId()).isEqualTo(decision.outcome());
        }
    }

    @Test
    void countsMeetingsAndContributionsOfEachPhaseAsTheParticipationAnswerDoes() {
        Instant now = Instant.now();
        ProjectReplay replay = replays.replay(FULL, now, null);
        Map<String, Participation.Window> windows =
                participation.participation(FULL, WindowKind.PHASE, new PointInTime(now, now)).windows().stream()
                        .collect(Collectors.toMap(Participation.Window::key, w -> w));

        assertThat(replay.phases()).hasSizeGreaterThan(1);
        for (PhaseReplay phase : replay.phases()) {
            Participation.Window window = windows.get(phase.phaseId());
            assertThat(window).as(phase.phaseId()).isNotNull();
            assertThat(phase.activity().meetings()).as(phase.phaseId()).isEqualTo(window.meetings());
            assertThat(phase.activity().contributions()).as(phase.phaseId()).isEqualTo(window.totalContributions());
            assertThat(phase.activity().contributionsByPerspective())
                    .as(phase.phaseId())
                    .isEqualTo(window.perspectives().stream()
                            .filter(p -> p.contributions() > 0)
                            .collect(Collectors.toMap(
                                    Participation.PerspectiveFigures::perspective,
                                    Participation.PerspectiveFigures::contributions)));
        }
    }

    @Test
    void streamSendsEachPhaseOfTheReplayInOrderThenTheEnd() throws IOException {
        String url = "/api/projects/" + FULL + "/replay?until=data-collection";
        JsonNode whole = JSON.readTree(http.getForObject(url, String.class));
        ResponseEntity<String> stream =
                http.getForEntity("/api/projects/" + FULL + "/replay/stream?until=data-collection", String.class);

        assertThat(stream.getHeaders().getContentType().toString()).startsWith("text/event-stream");
        List<JsonNode> phases = new ArrayList<>();
        String[] events = stream.getBody().split("\n\n");
        for (String event : events) {
            if (event.contains("event: phase")) {
                phases.add(JSON.readTree(event.substring(event.indexOf("data: ") + 6)));
            }
        }
        assertThat(phases).containsExactlyElementsOf(whole.get("phases"));
        assertThat(phases).hasSize(4);
        assertThat(events[events.length - 1]).isEqualTo("event: end\ndata: {\"phases\":4}");
    }

    @Test
    void cannotReplayAnUnknownProjectOrUntilSomethingThatIsNeitherPhaseNorDate() {
        ResponseEntity<String> unknown = http.getForEntity("/api/projects/nobody/replay", String.class);
        ResponseEntity<String> badUntil =
                http.getForEntity("/api/projects/" + FULL + "/replay/stream?until=next-tuesday", String.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badUntil.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badUntil.getBody()).contains("\"field\":\"until\"");
    }

    /** The phases as JSON without event ids: each copy of the study was stored under ids of its own. */
    /**
     * The replay without its event ids, and with the demo's withdrawn member under her pseudonym and
     * without her notes: the whole store holds her withdrawal, which hides her name and words at
     * every knownAt, and the cut stores do not.
     */
    private JsonNode withoutEventIds(ProjectReplay replay) {
        JsonNode phases = mapper.valueToTree(replay.phases());
        phases.findParents("eventId").forEach(node -> ((ObjectNode) node).remove("eventId"));
        phases.findParents("memberId").forEach(node -> {
            if (node.path("memberId").asText().equals(DemoProjectGenerator.WITHDRAWN_MEMBER)) {
                if (node.has("name")) {
                    ((ObjectNode) node).put("name", "Withdrawn member 1");
                }
                node.path("evidence").forEach(evidence -> ((ObjectNode) evidence).remove("summary"));
            }
        });
        return phases;
    }

    private static int countDecisions(ProjectReplay replay) {
        return (int) replay.phases().stream()
                .flatMap(p -> p.decisions().stream())
                .filter(d -> d.steps().contains("PROPOSED"))
                .count();
    }

    /**
     * The lines that had occurred by {@code until}, and the retractions of any of them whenever they
     * occurred: a correction applies at every valid time.
     */
    private static List<ObjectNode> occurredBy(List<ObjectNode> lines, Instant until) {
        Predicate<ObjectNode> occurred = line -> !Instant.parse(
                        normalise(line.get("data").get("occurredAt").asText()))
                .isAfter(until);
        Set<String> kept = new HashSet<>();
        List<ObjectNode> cut = new ArrayList<>();
        for (ObjectNode line : lines) {
            JsonNode data = line.get("data");
            String type = line.get("type").asText();
            boolean retraction = type.equals("ContributionRetracted") || type.equals("InfluenceRetracted");
            String target = type.equals("ContributionRetracted")
                    ? data.get("contributionId").asText()
                    : type.equals("InfluenceRetracted")
                            ? data.get("influenceId").asText()
                            : null;
            if (retraction ? kept.contains(target) : occurred.test(line)) {
                cut.add(line);
                for (String idField : List.of("contributionId", "influenceId")) {
                    if (data.has(idField) && !retraction) {
                        kept.add(data.get(idField).asText());
                    }
                }
            }
        }
        return cut;
    }

    private static String normalise(String occurredAt) {
        return occurredAt.length() == 10 ? occurredAt + "T00:00:00Z" : occurredAt;
    }

    private void importLines(String projectId, List<ObjectNode> lines) throws IOException {
        List<String> renamed = lines.stream()
                .map(line -> {
                    ObjectNode copy = line.deepCopy();
                    ((ObjectNode) copy.get("data")).put("projectId", projectId);
                    copy.put(
                            "eventId",
                            UUID.nameUUIDFromBytes(
                                            (projectId + line.get("eventId").asText()).getBytes(StandardCharsets.UTF_8))
                                    .toString());
                    return copy.toString();
                })
                .collect(Collectors.toList());
        Path file = dir.resolve(projectId + ".jsonl");
        Files.write(file, renamed);
        importer.importFile(file, new ImportProgress() {});
    }
}
