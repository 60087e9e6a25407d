package org.coproduction.timeline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The door as a script and a browser meet it: sign-in, tokens, CSRF, headers, what each account sees. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorTest {

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void accounts() {
        door = new Door(port);
        for (String name : List.of("ada", "ben", "cy", "dee", "eve")) {
            door.account(name);
        }
        register("ada", "ada-study");
        register("ben", "ben-study");
    }

    private void register(String username, String projectId) {
        Door.Answer registered = door.send(
                username,
                "POST",
                "/api/projects",
                Door.json(Map.of("projectId", projectId, "title", "A study", "occurredAt", "2024-01-01")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @Test
    void noOneSignedInGets401FromTheApiAndTheLoginPageForAPage() {
        Door.Answer api = door.send(null, "GET", "/api/projects", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.json().path("status").asInt()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("Basic"));

        Door.Answer page = door.send(HttpRequest.newBuilder(url("/timeline.html?project=ada-study"))
                .header("Accept", "text/html")
                .build());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/login.html"));

        assertThat(door.send(null, "GET", "/login.html", null).status()).isEqualTo(200);
        assertThat(door.send(null, "GET", "/favicon.ico", null).status())
                .as("the icon every browser asks for, before signing in too")
                .isEqualTo(200);
        assertThat(door.send(null, "GET", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(door.send(null, "GET", "/actuator/prometheus", null).status())
                .isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhy() {
        Door.Answer answer = door.send(HttpRequest.newBuilder(url("/api/me"))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("ada:wrong".getBytes()))
                .build());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("wrong");
    }

    @Test
    void theProjectListShowsOnlyTheProjectsTheAccountHasARoleIn() {
        // The list is a read model: it shows a new project once its processor has handled it.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(door.send(Door.ADMIN, "GET", "/api/projects", null)
                                .json()
                                .findValuesAsText("projectId"))
                        .contains("ada-study", "ben-study"));
        assertThat(door.send("ada", "GET", "/api/projects", null).json().findValuesAsText("projectId"))
                .contains("ada-study")
                .doesNotContain("ben-study");
        assertThat(door.send("eve", "GET", "/api/projects", null).json().findValuesAsText("projectId"))
                .doesNotContain("ada-study", "ben-study");
    }

    @Test
    void aProjectWithoutARoleIsHiddenAndALowerRoleIsToldWhichRoleItNeeds() {
        Door.Answer hidden = door.send("eve", "GET", "/api/projects/ada-study/timeline", null);
        Door.Answer unknown = door.send("ada", "GET", "/api/projects/no-such-study/timeline", null);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("detail").asText()).isEqualTo("project ada-study is not registered");
        assertThat(unknown.status()).isEqualTo(404);

        door.grant("ada", "ada-study", "cy", "VIEWER", null);
        Door.Answer refused = door.send(
                "cy",
                "POST",
                "/api/projects/ada-study/phases",
                Door.json(Map.of("name", "Design", "occurredAt", "2024-02-01")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("requiredRole").asText()).isEqualTo("COORDINATOR");
        assertThat(door.send("cy", "GET", "/api/projects/ada-study", null).status())
                .isEqualTo(200);
    }

    @Test
    void theBrowserSignsInWithASessionAndEveryChangeNeedsTheCsrfToken() {
        Door.Answer loginPage = door.send(null, "GET", "/login.html", null);
        String csrf = cookie(loginPage, "XSRF-TOKEN");
        assertThat(csrf).isNotBlank();

        Door.Answer signedIn = door.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=ada&password=" + Door.PASSWORD + "&_csrf=" + csrf))
                .build());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
        String session = cookie(signedIn, "JSESSIONID");
        String token = cookie(signedIn, "XSRF-TOKEN");
        String cookies = "JSESSIONID=" + session + "; XSRF-TOKEN=" + token;

        Door.Answer me = door.send(
                HttpRequest.newBuilder(url("/api/me")).header("Cookie", cookies).build());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("ada");
        assertThat(me.json().path("projects").findValuesAsText("role")).contains("COORDINATOR");

        String phase = Door.json(Map.of("name", "Design", "occurredAt", "2024-03-01"));
        Door.Answer withoutToken = door.send(HttpRequest.newBuilder(url("/api/projects/ada-study/phases"))
                .header("Cookie", cookies)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(phase))
                .build());
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.json().path("detail").asText()).contains("CSRF");
        Door.Answer withToken = door.send(HttpRequest.newBuilder(url("/api/projects/ada-study/phases"))
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(phase))
                .build());
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);

        Door.Answer signedOut = door.send(HttpRequest.newBuilder(url("/logout"))
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(door.send(HttpRequest.newBuilder(url("/api/me"))
                                .header("Cookie", cookies)
                                .build())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aPersonalAccessTokenIsShownOnceWorksAsBearerAndStopsWhenRevoked() {
        Door.Answer created = door.send("dee", "POST", "/api/me/tokens", Door.json(Map.of("name", "laptop")));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asText();
        assertThat(token).startsWith("ctt_");

        Door.Answer listed = door.send("dee", "GET", "/api/me/tokens", null);
        assertThat(listed.json().findValuesAsText("name")).containsExactly("laptop");
        assertThat(listed.body()).doesNotContain(token);

        assertThat(bearer(token, "/api/me").json().path("username").asText()).isEqualTo("dee");
        assertThat(door.send("dee", "DELETE", "/api/me/tokens/laptop", null).status())
                .isEqualTo(204);
        assertThat(bearer(token, "/api/me").status()).isEqualTo(401);
        assertThat(bearer("ctt_made-up", "/api/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsForOneAccountAreSlowedDown() {
        door.account("fay");
        for (int i = 0; i < 6; i++) {
            assertThat(basic("fay", "not-the-password").status()).isEqualTo(401);
        }
        // The right password must now wait.
        assertThat(basic("fay", Door.PASSWORD).status()).isEqualTo(401);
        // Another account is not slowed down.
        assertThat(basic("dee", Door.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void grantsAreCheckedAtTheNextRequestAndKeptInTheAuditTrail() {
        door.grant("ben", "ben-study", "cy", "RECORDER", null);
        assertThat(door.send("cy", "GET", "/api/projects/ben-study", null).status())
                .isEqualTo(200);
        assertThat(door.send("ben", "DELETE", "/api/projects/ben-study/access/cy", null)
                        .status())
                .isEqualTo(204);
        assertThat(door.send("cy", "GET", "/api/projects/ben-study", null).status())
                .isEqualTo(404);

        Door.Answer lastCoordinator = door.send("ben", "DELETE", "/api/projects/ben-study/access/ben", null);
        assertThat(lastCoordinator.status()).isEqualTo(409);

        Door.Answer audit = door.send("ben", "GET", "/api/projects/ben-study/access/audit", null);
        assertThat(audit.json().findValuesAsText("action")).contains("GRANTED", "REVOKED");
        assertThat(audit.json().findValuesAsText("actor")).contains("ben");
        assertThat(door.send("cy", "GET", "/api/projects/ben-study/access/audit", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void importingAFileMakesItsNewProjectsYoursAndRefusesLinesForAProjectYouDoNotCoordinate() {
        String line = "{\"type\":\"ProjectRegistered\",\"data\":{\"projectId\":\"%s\",\"occurredAt\":\"2024-01-01\","
                + "\"title\":\"Imported\"}}\n";
        Door.Answer imported =
                door.send("eve", "POST", "/api/import", line.formatted("eve-import"), "application/x-ndjson");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("newProjects").get(0).asText()).isEqualTo("eve-import");
        assertThat(door.send("eve", "GET", "/api/me", null).body()).contains("eve-import");
        assertThat(door.send("eve", "GET", "/api/projects/eve-import/events", null)
                        .status())
                .isEqualTo(200);

        String phase = "{\"type\":\"PhaseStarted\",\"data\":{\"projectId\":\"ada-study\",\"occurredAt\":\"2024-05-01\","
                + "\"phaseId\":\"intruded\",\"name\":\"Intruded\"}}\n";
        Door.Answer refused = door.send("eve", "POST", "/api/import", phase, "application/x-ndjson");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("data.projectId");
        assertThat(refused.json().path("errors").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(door.send("ada", "GET", "/api/projects/ada-study/events", null)
                        .body())
                .doesNotContain("intruded");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Door.Answer answer :
                List.of(door.send(null, "GET", "/login.html", null), door.send("ada", "GET", "/api/projects", null))) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'self'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    private Door.Answer bearer(String token, String path) {
        return door.send(HttpRequest.newBuilder(url(path))
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private Door.Answer basic(String username, String password) {
        return door.send(HttpRequest.newBuilder(url("/api/me"))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes()))
                .build());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The value the answer sets for a cookie. */
    private static String cookie(Door.Answer answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty())
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError(
                        "no cookie " + name + " in " + answer.headers().map()));
    }
}
