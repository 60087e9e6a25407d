package org.coproduction.timeline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the application's own OpenAPI document, as every kind of account, against the
 * table below: what each may do, what is refused (403), what is hidden (404: no role in the project)
 * and what needs signing in (401). An operation added later without a line here fails the test, and
 * so does one whose line in {@code SecurityConfiguration} lets in someone the table does not.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessTest {

    static final String PROJECT = "access-study";

    /** Who asks: no one, an account with no role in the project, each project role, the site administrator. */
    enum Who {
        ANONYMOUS(null),
        OUTSIDER("outsider"),
        VIEWER("viewer"),
        MEMBER("member"),
        RECORDER("recorder"),
        COORDINATOR("coordinator"),
        ADMIN(Door.ADMIN);

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    /** What the door does: lets through (whatever the adapter then answers), refuses, hides, or asks to sign in. */
    enum Expect {
        THROUGH,
        FORBIDDEN,
        HIDDEN,
        UNAUTHENTICATED
    }

    static final List<Who> PROJECT_ROLES = List.of(Who.VIEWER, Who.MEMBER, Who.RECORDER, Who.COORDINATOR);

    static Function<Who, Expect> everyone() {
        return who -> Expect.THROUGH;
    }

    static Function<Who, Expect> signedIn() {
        return who -> who == Who.ANONYMOUS ? Expect.UNAUTHENTICATED : Expect.THROUGH;
    }

    static Function<Who, Expect> siteAdmin() {
        return who ->
                who == Who.ANONYMOUS ? Expect.UNAUTHENTICATED : who == Who.ADMIN ? Expect.THROUGH : Expect.FORBIDDEN;
    }

    /** At least {@code needed} in the project; the site administrator too when {@code admin}. */
    static Function<Who, Expect> inProject(Who needed, boolean admin) {
        return who -> switch (who) {
            case ANONYMOUS -> Expect.UNAUTHENTICATED;
            case OUTSIDER -> Expect.HIDDEN;
            case ADMIN -> admin ? Expect.THROUGH : Expect.FORBIDDEN;
            default -> PROJECT_ROLES.indexOf(who) >= PROJECT_ROLES.indexOf(needed) ? Expect.THROUGH : Expect.FORBIDDEN;
        };
    }

    /** The table: "METHOD path" as the OpenAPI document names it. */
    static final Map<String, Function<Who, Expect>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /api/sign-in/options", everyone());
        TABLE.put("GET /api/me", signedIn());
        TABLE.put("GET /api/me/tokens", signedIn());
        TABLE.put("POST /api/me/tokens", signedIn());
        TABLE.put("DELETE /api/me/tokens/{name}", signedIn());
        TABLE.put("GET /api/projects", signedIn());
        TABLE.put("POST /api/projects", signedIn());
        TABLE.put("POST /api/import", signedIn());
        TABLE.put("POST /api/accounts", siteAdmin());
        TABLE.put("GET /api/accounts", siteAdmin());
        TABLE.put("GET /api/audit", siteAdmin());
        TABLE.put("GET /api/admin/projections", siteAdmin());
        TABLE.put("GET /api/admin/projections/{name}", siteAdmin());
        TABLE.put("POST /api/admin/projections/{name}/rebuild", siteAdmin());
        TABLE.put("GET /api/admin/dead-letters", siteAdmin());
        TABLE.put("POST /api/admin/dead-letters/{readModel}/{projectId}/retry", siteAdmin());
        TABLE.put("POST /api/admin/dead-letters/{readModel}/{projectId}/evict", siteAdmin());
        for (String read : List.of(
                "",
                "/timeline",
                "/meetings/{meetingId}/transcript",
                "/replay",
                "/replay/stream",
                "/decisions",
                "/decisions/{decisionId}/influencers",
                "/decisions/{decisionId}/provenance",
                "/influence",
                "/participation",
                "/members/{memberId}/trajectory",
                "/codebook",
                "/codebook.qdc",
                "/texts",
                "/report")) {
            TABLE.put("GET /api/projects/{projectId}" + read, inProject(Who.VIEWER, true));
        }
        TABLE.put("GET /api/projects/{projectId}/export.qdpx", inProject(Who.VIEWER, false));
        TABLE.put("GET /api/projects/{projectId}/events", inProject(Who.COORDINATOR, false));
        TABLE.put("GET /api/projects/{projectId}/access", inProject(Who.COORDINATOR, true));
        TABLE.put("GET /api/projects/{projectId}/access/audit", inProject(Who.COORDINATOR, true));
        TABLE.put("PUT /api/projects/{projectId}/access/{username}", inProject(Who.COORDINATOR, true));
        TABLE.put("DELETE /api/projects/{projectId}/access/{username}", inProject(Who.COORDINATOR, true));
        for (String team : List.of(
                "/phases", "/closure", "/members", "/members/{memberId}/role", "/members/{memberId}/departure")) {
            TABLE.put("POST /api/projects/{projectId}" + team, inProject(Who.COORDINATOR, false));
        }
        for (String recording : List.of(
                "/meetings",
                "/meetings/{meetingId}/contributions",
                "/meetings/{meetingId}/transcript",
                "/meetings/{meetingId}/transcript/speakers",
                "/turns/{turnId}/coding",
                "/contributions/{contributionId}/retraction",
                "/decisions",
                "/decisions/{decisionId}/influences",
                "/decisions/{decisionId}/influences/{influenceId}/retraction",
                "/decisions/{decisionId}/outcome",
                "/decisions/{decisionId}/revisions",
                "/interviews")) {
            TABLE.put("POST /api/projects/{projectId}" + recording, inProject(Who.RECORDER, false));
        }
        TABLE.put("POST /api/projects/{projectId}/reflections", inProject(Who.MEMBER, false));
        TABLE.put("POST /api/projects/{projectId}/reflections/{reflectionId}/codes", inProject(Who.MEMBER, false));
        TABLE.put("POST /api/projects/{projectId}/reflections/{reflectionId}/passages", inProject(Who.MEMBER, false));
        TABLE.put("POST /api/projects/{projectId}/interviews/{interviewId}/passages", inProject(Who.MEMBER, false));
        TABLE.put("POST /api/projects/{projectId}/report/items/{item}", inProject(Who.MEMBER, false));
        // The codebook is changed in a member's name: the recorder's and coordinator's accounts here are
        // linked to no member and name none, so the adapter refuses them after the door let them through.
        for (String change : List.of("/codes", "/revisions", "/merges", "/retirements", ".qdc")) {
            TABLE.put(
                    "POST /api/projects/{projectId}/codebook" + change,
                    who -> who == Who.RECORDER || who == Who.COORDINATOR
                            ? Expect.FORBIDDEN
                            : inProject(Who.MEMBER, false).apply(who));
        }
        // Only a coordinator may withdraw another member's consent; a member only their own (not this one).
        TABLE.put(
                "POST /api/projects/{projectId}/members/{memberId}/consent-withdrawal",
                who -> who == Who.COORDINATOR || who == Who.OUTSIDER || who == Who.ANONYMOUS
                        ? inProject(Who.MEMBER, false).apply(who)
                        : Expect.FORBIDDEN);
    }

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void aProjectWithAnAccountInEachRole() {
        door = new Door(port);
        for (Who who : Who.values()) {
            if (who != Who.ANONYMOUS && who != Who.ADMIN) {
                door.account(who.username);
            }
        }
        Door.Answer registered = door.send(
                "coordinator",
                "POST",
                "/api/projects",
                Door.json(Map.of("projectId", PROJECT, "title", "Access", "occurredAt", "2024-01-01")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Door.Answer joined = door.send(
                "coordinator",
                "POST",
                "/api/projects/" + PROJECT + "/members",
                Door.json(Map.of(
                        "memberId", "m-member",
                        "name", "Mo Member",
                        "role", "RESEARCHER",
                        "perspectives", List.of("SERVICE_USER"),
                        "occurredAt", "2024-01-02")));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        door.grant("coordinator", PROJECT, "viewer", "VIEWER", null);
        door.grant("coordinator", PROJECT, "member", "MEMBER", "m-member");
        door.grant("coordinator", PROJECT, "recorder", "RECORDER", null);
    }

    @Test
    void everyOperationOfTheApiHasARuleAndKeepsIt() {
        JsonNode paths =
                door.send(Door.ADMIN, "GET", "/v3/api-docs", null).json().get("paths");
        Map<String, String> failures = new TreeMap<>();
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next().toUpperCase();
                String operation = method + " " + path.getKey();
                operations.add(operation);
                Function<Who, Expect> rule = TABLE.get(operation);
                if (rule == null) {
                    failures.put(operation, "no rule: add a line to SecurityConfiguration and to this table");
                    continue;
                }
                for (Who who : Who.values()) {
                    Door.Answer answer =
                            door.send(who.username, method, concrete(path.getKey()), body(operation), type(operation));
                    Expect expected = rule.apply(who);
                    Expect actual = kind(answer);
                    if (actual != expected) {
                        failures.put(
                                operation + " as " + who,
                                "expected " + expected + ", got " + answer.status() + " " + cut(answer.body()));
                    }
                }
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(TABLE.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void theTableNamesNoOperationTheApiDoesNotHave() {
        JsonNode paths =
                door.send(Door.ADMIN, "GET", "/v3/api-docs", null).json().get("paths");
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue()
                .fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(documented).containsAll(TABLE.keySet());
    }

    /** How the door answered: 401, 403 (from the door or an adapter's own rule), 404 hiding the project, or through. */
    private static Expect kind(Door.Answer answer) {
        if (answer.status() == 401) {
            return Expect.UNAUTHENTICATED;
        }
        if (answer.status() == 403) {
            return Expect.FORBIDDEN;
        }
        if (answer.status() == 404
                && answer.body().contains("\"field\":\"projectId\"")
                && answer.body().contains("project " + PROJECT + " is not registered")) {
            return Expect.HIDDEN;
        }
        return Expect.THROUGH;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    /** The path with the test project and made-up ids for the other variables. */
    private static String concrete(String template) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    m.group(1).equals("projectId") ? PROJECT : "x-" + m.group(1).toLowerCase());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String body(String operation) {
        if (operation.startsWith("GET ") || operation.startsWith("DELETE ")) {
            return null;
        }
        if (operation.equals("POST /api/import")) {
            return "";
        }
        return operation.endsWith(".qdc") ? "<CodeBook/>" : "{}";
    }

    private static String type(String operation) {
        if (operation.equals("POST /api/import")) {
            return "application/x-ndjson";
        }
        return operation.endsWith(".qdc") ? "application/xml" : "application/json";
    }

    private static String cut(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
