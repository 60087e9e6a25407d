package org.coproduction.timeline.eventlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.timeline.interchange.InterchangeFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The timeline and the project list over HTTP, read from their projections after an import. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class TimelineIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final String ANN = "ann";
    private static final String ANN_NAME = "Ann Archer";
    private static final String BEN = "ben";
    private static final String BEN_NAME = "Ben Bell";

    private static final String DESIGN = "design";
    private static final String DESIGN_NAME = "Design";
    private static final String ETHICS = "ethics";
    private static final String ETHICS_NAME = "Ethics";

    private static final String PRIVATE_TEXT = "I felt unheard today.";
    private static final String TEAM_TEXT = "Good discussion of the diary.";

    private static final String REGISTERED_AT = "2021-01-04T09:00:00Z";
    private static final String TEAM_JOINS_AT = "2021-01-04T09:15:00Z";
    private static final String KICK_OFF_AT = "2021-01-11T10:00:00Z";
    private static final String LATE_REFLECTION_ON = "2021-01-11T15:00:00Z";
    private static final String DESIGN_STARTS = "2021-02-01";
    private static final String SECOND_MEETING_AT = "2021-02-08T10:00:00Z";
    private static final String ANN_SPEAKS_AT = "2021-02-08T10:10:00Z";
    private static final String PROPOSED_AT = "2021-02-08T10:30:00Z";
    private static final String PRIVATE_REFLECTION_ON = "2021-02-09";
    private static final String TEAM_REFLECTION_AT = "2021-02-09T23:30:00Z";
    private static final String INFLUENCED_ON = "2021-02-10";
    private static final String ETHICS_STARTS = "2021-03-01";
    private static final String DECIDED_AT = "2021-03-05T10:00:00Z";
    private static final String BEN_LEAVES_AT = "2021-03-31T17:00:00Z";

    // Line numbers of the study file, and the timeline's order of them (occurredAt, then recordedAt).
    private static final int REGISTERED = 1;
    private static final int ANN_JOINS = 2;
    private static final int BEN_JOINS = 3;
    private static final int KICK_OFF = 4;
    private static final int DESIGN_PHASE = 5;
    private static final int SECOND_MEETING = 6;
    private static final int ANN_SPEAKS = 7;
    private static final int PROPOSED = 8;
    private static final int PRIVATE_REFLECTION = 9;
    private static final int TEAM_REFLECTION = 10;
    private static final int INFLUENCED = 11;
    private static final int DECIDED = 12;
    private static final int BEN_LEAVES = 13;
    private static final int LATE_REFLECTION = 14;
    private static final int[] TIMELINE_ORDER = {
        REGISTERED,
        BEN_JOINS,
        ANN_JOINS,
        KICK_OFF,
        LATE_REFLECTION,
        DESIGN_PHASE,
        SECOND_MEETING,
        ANN_SPEAKS,
        PROPOSED,
        PRIVATE_REFLECTION,
        TEAM_REFLECTION,
        INFLUENCED,
        DECIDED,
        BEN_LEAVES
    };

    private static final String ORDERED = "timeline-ordered";
    private static final String PHASES = "timeline-phases";
    private static final String LATE_PHASE = "timeline-late-phase";
    private static final String PRIVACY = "timeline-privacy";
    private static final String FILTERED = "timeline-filtered";
    private static final String PAGED = "timeline-paged";
    private static final String LISTED = "timeline-listed";
    private static final String UNDERSCORES = "timeline-underscores";
    private static final String SAME_DAY_PHASES = "timeline-same-day-phases";
    private static final String CROWDED = "timeline-crowded";
    private static final String NEVER_RECORDED = "timeline-never-recorded";

    @Autowired
    TestRestTemplate http;

    /**
     * Fourteen lines in recorded order. Ben's joining is recorded before Ann's though both happened
     * at once, and one reflection is recorded months after it was written.
     */
    private static InterchangeFile study(String projectId) {
        return new InterchangeFile(projectId)
                .add("ProjectRegistered", REGISTERED_AT, "2021-01-04T09:05:00Z", "title", "Peer support study")
                .memberJoined(TEAM_JOINS_AT, "2021-01-04T09:30:00Z", ANN, ANN_NAME, "RESEARCHER", "ACADEMIC")
                .memberJoined(TEAM_JOINS_AT, "2021-01-04T09:20:00Z", BEN, BEN_NAME, "PEER_WORKER", "PEER_WORKER")
                .add(
                        "MeetingHeld",
                        KICK_OFF_AT,
                        "2021-01-11T12:00:00Z",
                        "meetingId",
                        "meeting-1",
                        "title",
                        "Kick-off",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of(ANN, BEN))
                .add("PhaseStarted", DESIGN_STARTS, "2021-02-01T09:00:00Z", "phaseId", DESIGN, "name", DESIGN_NAME)
                .add(
                        "MeetingHeld",
                        SECOND_MEETING_AT,
                        "2021-02-08T12:00:00Z",
                        "meetingId",
                        "meeting-2",
                        "title",
                        "Diary design",
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of(ANN, BEN))
                .add(
                        "ContributionRecorded",
                        ANN_SPEAKS_AT,
                        "2021-02-08T12:00:00Z",
                        "meetingId",
                        "meeting-2",
                        "contributionId",
                        "contribution-1",
                        "memberId",
                        ANN,
                        "category",
                        "GIVES_OPINION")
                .add(
                        "DecisionProposed",
                        PROPOSED_AT,
                        "2021-02-08T12:00:00Z",
                        "decisionId",
                        "decision-1",
                        "title",
                        "Keep a shared diary",
                        "proposedBy",
                        BEN)
                .add(
                        "ReflectionWritten",
                        PRIVATE_REFLECTION_ON,
                        "2021-02-09T08:00:00Z",
                        "reflectionId",
                        "reflection-1",
                        "authorId",
                        ANN,
                        "text",
                        PRIVATE_TEXT,
                        "visibility",
                        "PRIVATE")
                .add(
                        "ReflectionWritten",
                        TEAM_REFLECTION_AT,
                        "2021-02-09T23:45:00Z",
                        "reflectionId",
                        "reflection-2",
                        "authorId",
                        BEN,
                        "text",
                        TEAM_TEXT,
                        "visibility",
                        "TEAM")
                .add(
                        "InfluenceRecorded",
                        INFLUENCED_ON,
                        "2021-02-10T09:00:00Z",
                        "decisionId",
                        "decision-1",
                        "influenceId",
                        "influence-1",
                        "memberId",
                        ANN,
                        "kind",
                        "SUPPORTED")
                .add(
                        "DecisionMade",
                        DECIDED_AT,
                        "2021-03-05T12:00:00Z",
                        "decisionId",
                        "decision-1",
                        "outcome",
                        "A shared diary it is",
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of(ANN, BEN))
                .add("MemberLeft", BEN_LEAVES_AT, "2021-04-01T09:00:00Z", "memberId", BEN)
                .add(
                        "ReflectionWritten",
                        LATE_REFLECTION_ON,
                        "2021-04-02T09:00:00Z",
                        "reflectionId",
                        "reflection-0",
                        "authorId",
                        ANN,
                        "text",
                        "Looking back at the kick-off.",
                        "visibility",
                        "TEAM");
    }

    @Test
    void listsEntriesByOccurredAtThenRecordedAt() {
        InterchangeFile file = imported(study(ORDERED));

        JsonNode page = timeline(ORDERED, "").getBody();

        assertThat(eventIds(page)).containsExactlyElementsOf(file.eventIds(TIMELINE_ORDER));
        assertThat(page.path("total").asLong()).isEqualTo(file.size());
        JsonNode benJoins = page.path("entries").get(1);
        assertThat(benJoins.path("type").asText()).isEqualTo("MemberJoined");
        assertThat(benJoins.path("occurredAt").asText()).isEqualTo(TEAM_JOINS_AT);
        assertThat(benJoins.path("recordedAt").asText()).isEqualTo(file.recordedAt(BEN_JOINS));
    }

    @Test
    void placesEachEntryInThePhaseItOccurredInAndNamesItsMembers() {
        InterchangeFile file = imported(study(PHASES));

        JsonNode entries = timeline(PHASES, "").getBody().path("entries");

        assertThat(phaseIds(entries))
                .containsExactly(
                        null, null, null, null, null, DESIGN, DESIGN, DESIGN, DESIGN, DESIGN, DESIGN, DESIGN, DESIGN,
                        DESIGN);
        assertThat(entry(entries, file.eventId(DESIGN_PHASE))
                        .path("phase")
                        .path("name")
                        .asText())
                .isEqualTo(DESIGN_NAME);
        assertThat(memberNames(entry(entries, file.eventId(KICK_OFF)))).containsExactly(ANN_NAME, BEN_NAME);
        assertThat(memberNames(entry(entries, file.eventId(PROPOSED)))).containsExactly(BEN_NAME);
        assertThat(memberNames(entry(entries, file.eventId(DESIGN_PHASE)))).isEmpty();
    }

    @Test
    void movesEntriesIntoAPhaseWhoseStartIsRecordedLater() {
        InterchangeFile file = imported(study(LATE_PHASE));
        assertThat(phaseOf(timeline(LATE_PHASE, "").getBody().path("entries"), file.eventId(DECIDED)))
                .isEqualTo(DESIGN);

        InterchangeFile ethics = imported(new InterchangeFile(LATE_PHASE)
                .add("PhaseStarted", ETHICS_STARTS, "2021-04-05T09:00:00Z", "phaseId", ETHICS, "name", ETHICS_NAME));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode entries = timeline(LATE_PHASE, "").getBody().path("entries");
            assertThat(phaseOf(entries, file.eventId(DECIDED))).isEqualTo(ETHICS);
            assertThat(phaseOf(entries, file.eventId(BEN_LEAVES))).isEqualTo(ETHICS);
            assertThat(phaseOf(entries, ethics.eventId(1))).isEqualTo(ETHICS);
            assertThat(phaseOf(entries, file.eventId(INFLUENCED))).isEqualTo(DESIGN);
            assertThat(phaseOf(entries, file.eventId(KICK_OFF))).isNull();
        });
    }

    @Test
    void showsAPrivateReflectionWithoutItsTextAndATeamReflectionWithIt() {
        InterchangeFile file = imported(study(PRIVACY));

        JsonNode entries =
                timeline(PRIVACY, "?type=ReflectionWritten").getBody().path("entries");

        JsonNode privateData = entry(entries, file.eventId(PRIVATE_REFLECTION)).path("data");
        JsonNode teamData = entry(entries, file.eventId(TEAM_REFLECTION)).path("data");
        assertThat(privateData.has("text")).isFalse();
        assertThat(privateData.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(privateData.path("authorId").asText()).isEqualTo(ANN);
        assertThat(privateData.toString()).doesNotContain(PRIVATE_TEXT);
        assertThat(teamData.path("text").asText()).isEqualTo(TEAM_TEXT);
    }

    @Test
    void narrowsByTypeMemberPhaseAndValidTime() {
        InterchangeFile file = imported(study(FILTERED));

        assertThat(eventIds(timeline(FILTERED, "?type=ReflectionWritten").getBody()))
                .containsExactlyElementsOf(file.eventIds(LATE_REFLECTION, PRIVATE_REFLECTION, TEAM_REFLECTION));
        assertThat(eventIds(timeline(FILTERED, "?type=ReflectionWritten,DecisionMade")
                        .getBody()))
                .containsExactlyElementsOf(
                        file.eventIds(LATE_REFLECTION, PRIVATE_REFLECTION, TEAM_REFLECTION, DECIDED));
        assertThat(eventIds(timeline(FILTERED, "?memberId=" + BEN).getBody()))
                .containsExactlyElementsOf(file.eventIds(
                        BEN_JOINS, KICK_OFF, SECOND_MEETING, PROPOSED, TEAM_REFLECTION, DECIDED, BEN_LEAVES));
        assertThat(eventIds(timeline(FILTERED, "?phaseId=" + DESIGN).getBody()))
                .containsExactlyElementsOf(file.eventIds(
                        DESIGN_PHASE,
                        SECOND_MEETING,
                        ANN_SPEAKS,
                        PROPOSED,
                        PRIVATE_REFLECTION,
                        TEAM_REFLECTION,
                        INFLUENCED,
                        DECIDED,
                        BEN_LEAVES));
        assertThat(eventIds(timeline(FILTERED, "?phaseId=before-first-phase").getBody()))
                .containsExactlyElementsOf(file.eventIds(REGISTERED, BEN_JOINS, ANN_JOINS, KICK_OFF, LATE_REFLECTION));
        assertThat(eventIds(timeline(FILTERED, "?from=" + ANN_SPEAKS_AT + "&to=2021-02-09")
                        .getBody()))
                .as("a date 'to' includes that whole day")
                .containsExactlyElementsOf(file.eventIds(ANN_SPEAKS, PROPOSED, PRIVATE_REFLECTION, TEAM_REFLECTION));
        assertThat(eventIds(timeline(FILTERED, "?from=2021-02-09&to=" + TEAM_REFLECTION_AT)
                        .getBody()))
                .as("an instant 'to' includes that instant")
                .containsExactlyElementsOf(file.eventIds(PRIVATE_REFLECTION, TEAM_REFLECTION));
        assertThat(eventIds(timeline(FILTERED, "?memberId=" + ANN + "&type=ReflectionWritten&phaseId=" + DESIGN)
                        .getBody()))
                .containsExactlyElementsOf(file.eventIds(PRIVATE_REFLECTION));
    }

    @Test
    void answersNotFoundForAPhaseTheProjectNeverStarted() {
        imported(study(FILTERED + "-phase"));

        ResponseEntity<JsonNode> response = timeline(FILTERED + "-phase", "?phaseId=" + ETHICS);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void pagesThroughTheTimelineCountingEveryEntry() {
        InterchangeFile file = imported(study(PAGED));

        JsonNode second = timeline(PAGED, "?page=1&size=4").getBody();
        JsonNode last = timeline(PAGED, "?page=3&size=4").getBody();

        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(4);
        assertThat(second.path("total").asLong()).isEqualTo(file.size());
        assertThat(eventIds(second))
                .containsExactlyElementsOf(file.eventIds(LATE_REFLECTION, DESIGN_PHASE, SECOND_MEETING, ANN_SPEAKS));
        assertThat(eventIds(last)).containsExactlyElementsOf(file.eventIds(DECIDED, BEN_LEAVES));
        assertThat(last.path("total").asLong()).isEqualTo(file.size());
    }

    @Test
    void answersNotFoundForAProjectWithNoEvents() {
        ResponseEntity<JsonNode> response = timeline(NEVER_RECORDED, "");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAPageSizeOfZeroNamingSize() {
        imported(study(PAGED + "-zero"));

        ResponseEntity<JsonNode> response = timeline(PAGED + "-zero", "?size=0");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("size");
    }

    @Test
    void listsTheProjectWithTitleCurrentPhaseAndTheMembersStillOnTheTeam() {
        imported(study(LISTED));
        imported(new InterchangeFile(LISTED)
                .add("PhaseStarted", ETHICS_STARTS, "2021-04-05T09:00:00Z", "phaseId", ETHICS, "name", ETHICS_NAME));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode project = project(LISTED);
            assertThat(project.path("title").asText()).isEqualTo("Peer support study");
            assertThat(project.path("currentPhase").asText()).isEqualTo(ETHICS_NAME);
            assertThat(project.path("members").asInt()).as("Ben has left").isEqualTo(1);
        });
    }

    @Test
    void filtersByAMemberIdContainingAnUnderscoreExactly() {
        InterchangeFile file = imported(new InterchangeFile(UNDERSCORES)
                .add("ProjectRegistered", REGISTERED_AT, null, "title", "Underscores")
                .memberJoined(TEAM_JOINS_AT, null, "m_1", ANN_NAME, "RESEARCHER", "ACADEMIC")
                .memberJoined(TEAM_JOINS_AT, null, "mx1", BEN_NAME, "RESEARCHER", "ACADEMIC"));

        assertThat(eventIds(timeline(UNDERSCORES, "?memberId=m_1").getBody()))
                .containsExactlyElementsOf(file.eventIds(2));
    }

    @Test
    void placesEntriesInTheLaterRecordedOfTwoPhasesStartingTogether() {
        InterchangeFile file = imported(new InterchangeFile(SAME_DAY_PHASES)
                .add("ProjectRegistered", REGISTERED_AT, null, "title", "Two phases on one day")
                .add("PhaseStarted", DESIGN_STARTS, null, "phaseId", "z-pilot", "name", "Pilot")
                .add("PhaseStarted", DESIGN_STARTS, null, "phaseId", "a-main", "name", "Main study")
                .memberJoined(SECOND_MEETING_AT, null, ANN, ANN_NAME, "RESEARCHER", "ACADEMIC"));

        JsonNode entries = timeline(SAME_DAY_PHASES, "").getBody().path("entries");

        assertThat(phaseOf(entries, file.eventId(4))).isEqualTo("a-main");
        assertThat(eventIds(timeline(SAME_DAY_PHASES, "?phaseId=z-pilot").getBody()))
                .doesNotContain(file.eventId(4));
    }

    @Test
    void showsAMeetingOfSeventyMembersWithLongIds() {
        InterchangeFile file =
                new InterchangeFile(CROWDED).add("ProjectRegistered", REGISTERED_AT, null, "title", "Big");
        List<String> attendees = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            String memberId = "member-with-a-long-identifier-of-sixty-characters-number-" + (100 + i);
            attendees.add(memberId);
            file.memberJoined(TEAM_JOINS_AT, null, memberId, "Member " + i, "ADVISORY_MEMBER", "PUBLIC");
        }
        file.add(
                "MeetingHeld",
                KICK_OFF_AT,
                null,
                "meetingId",
                "meeting-1",
                "title",
                "Open day",
                "kind",
                "OTHER",
                "attendees",
                attendees);

        imported(file);

        JsonNode meeting =
                entry(timeline(CROWDED, "?type=MeetingHeld").getBody().path("entries"), file.eventId(72));
        assertThat(meeting.path("members")).hasSize(70);
    }

    /** Imports the file and waits until the timeline shows all of the project's events. */
    private InterchangeFile imported(InterchangeFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(NDJSON);
        ResponseEntity<JsonNode> response =
                http.postForEntity("/api/import", new HttpEntity<>(file.text(), headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = file.eventIds(allLines(file));
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<JsonNode> timeline = timeline(file.projectId(), "?size=1000");
            assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(eventIds(timeline.getBody())).containsAll(ids);
        });
        return file;
    }

    private static int[] allLines(InterchangeFile file) {
        int[] lines = new int[file.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return lines;
    }

    private ResponseEntity<JsonNode> timeline(String projectId, String query) {
        return http.getForEntity("/api/projects/" + projectId + "/timeline" + query, JsonNode.class);
    }

    private JsonNode project(String projectId) {
        JsonNode projects = http.getForEntity("/api/projects", JsonNode.class).getBody();
        for (JsonNode project : projects) {
            if (projectId.equals(project.path("projectId").asText())) {
                return project;
            }
        }
        throw new AssertionError("project " + projectId + " is not listed");
    }

    private static List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("entries").forEach(entry -> ids.add(entry.path("eventId").asText()));
        return ids;
    }

    private static JsonNode entry(JsonNode entries, String eventId) {
        for (JsonNode entry : entries) {
            if (eventId.equals(entry.path("eventId").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + eventId);
    }

    private static String phaseOf(JsonNode entries, String eventId) {
        JsonNode phase = entry(entries, eventId).path("phase");
        return phase.isMissingNode() || phase.isNull()
                ? null
                : phase.path("phaseId").asText();
    }

    private static List<String> phaseIds(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(
                entry.path("phase").isMissingNode() || entry.path("phase").isNull()
                        ? null
                        : entry.path("phase").path("phaseId").asText()));
        return ids;
    }

    private static List<String> memberNames(JsonNode entry) {
        List<String> names = new ArrayList<>();
        entry.path("members").forEach(member -> names.add(member.path("name").asText()));
        return names;
    }
}
