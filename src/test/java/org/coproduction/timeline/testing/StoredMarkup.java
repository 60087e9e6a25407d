package org.coproduction.timeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A project recorded through the HTTP API with {@code payload} (markup that must never run) in
 * every free text a page or a report can show (issue 20): the project's title and description, a
 * member's name (ann, service user; ben, academic, is named plainly), the phase's name, a meeting's
 * title, a contribution's summary, a decision's title and outcome, an influence's note, a shared
 * reflection's text and its code, and an interview's summary and code. One phase (p-1), one meeting
 * (m-1), one decision (d-1), made; everything happens in January 2024.
 */
public record StoredMarkup(String projectId, String payload) {

    public String title() {
        return "Project " + payload;
    }

    public String description() {
        return "Aim " + payload;
    }

    public String member() {
        return "Ann " + payload;
    }

    public String phase() {
        return "Phase " + payload;
    }

    public String meeting() {
        return "Meeting " + payload;
    }

    public String said() {
        return "Said " + payload;
    }

    public String decision() {
        return "Decision " + payload;
    }

    public String note() {
        return "Note " + payload;
    }

    public String outcome() {
        return "Outcome " + payload;
    }

    public String reflection() {
        return "Reflection " + payload;
    }

    public String interview() {
        return "Interview " + payload;
    }

    public String code() {
        return "theme " + payload;
    }

    /** Records the project through {@code http}; every request must be answered 201. */
    public StoredMarkup record(TestRestTemplate http) {
        String base = "/api/projects/" + projectId;
        post(
                http,
                "/api/projects",
                Map.of(
                        "projectId",
                        projectId,
                        "title",
                        title(),
                        "description",
                        description(),
                        "occurredAt",
                        "2024-01-01"));
        post(http, base + "/members", member("ann", member(), "SERVICE_USER"));
        post(http, base + "/members", member("ben", "Ben Example", "ACADEMIC"));
        post(http, base + "/phases", Map.of("phaseId", "p-1", "name", phase(), "occurredAt", "2024-01-03"));
        post(
                http,
                base + "/meetings",
                Map.of(
                        "meetingId",
                        "m-1",
                        "title",
                        meeting(),
                        "kind",
                        "TEAM",
                        "attendees",
                        List.of("ann", "ben"),
                        "occurredAt",
                        "2024-01-10T10:00:00Z"));
        post(
                http,
                base + "/decisions",
                Map.of(
                        "decisionId",
                        "d-1",
                        "title",
                        decision(),
                        "proposedBy",
                        "ann",
                        "occurredAt",
                        "2024-01-10T10:05:00Z"));
        post(
                http,
                base + "/meetings/m-1/contributions",
                Map.of(
                        "contributionId",
                        "c-1",
                        "memberId",
                        "ann",
                        "category",
                        "GIVES_SUGGESTION",
                        "decisionId",
                        "d-1",
                        "summary",
                        said(),
                        "occurredAt",
                        "2024-01-10T10:06:00Z"));
        post(
                http,
                base + "/meetings/m-1/contributions",
                Map.of(
                        "contributionId",
                        "c-2",
                        "memberId",
                        "ben",
                        "category",
                        "AGREES",
                        "occurredAt",
                        "2024-01-10T10:07:00Z"));
        post(
                http,
                base + "/decisions/d-1/influences",
                Map.of(
                        "influenceId",
                        "i-1",
                        "memberId",
                        "ben",
                        "kind",
                        "SUPPORTED",
                        "contributionId",
                        "c-2",
                        "note",
                        note(),
                        "occurredAt",
                        "2024-01-10T10:08:00Z"));
        post(
                http,
                base + "/decisions/d-1/outcome",
                Map.of(
                        "outcome",
                        outcome(),
                        "method",
                        "CONSENSUS",
                        "decidedBy",
                        List.of("ann", "ben"),
                        "occurredAt",
                        "2024-01-10T11:00:00Z"));
        post(
                http,
                base + "/reflections",
                Map.of(
                        "reflectionId",
                        "r-1",
                        "authorId",
                        "ann",
                        // The test's account coordinates the project and is no member of it.
                        "transcribed",
                        true,
                        "text",
                        reflection(),
                        "visibility",
                        "TEAM",
                        "decisionId",
                        "d-1",
                        "occurredAt",
                        "2024-01-11"));
        post(
                http,
                base + "/reflections/r-1/codes",
                Map.of("codes", List.of(code()), "codedBy", "ben", "occurredAt", "2024-01-12"));
        post(
                http,
                base + "/interviews",
                Map.of(
                        "interviewId",
                        "iv-1",
                        "intervieweeId",
                        "ann",
                        "interviewerId",
                        "ben",
                        "summary",
                        interview(),
                        "codes",
                        List.of(code()),
                        "occurredAt",
                        "2024-01-13"));
        return this;
    }

    private static Map<String, Object> member(String id, String name, String perspective) {
        return Map.of(
                "memberId",
                id,
                "name",
                name,
                "role",
                "RESEARCHER",
                "perspectives",
                List.of(perspective),
                "occurredAt",
                "2024-01-02");
    }

    private static void post(TestRestTemplate http, String path, Map<String, Object> body) {
        ResponseEntity<String> answer = http.postForEntity(path, body, String.class);
        assertThat(answer.getStatusCode().value())
                .as(path + " " + answer.getBody())
                .isEqualTo(201);
    }
}
