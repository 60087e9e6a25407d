package org.coproduction.timeline.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.coproduction.timeline.testing.SignedInTestClients;

/**
 * An HTTP client of the running application that signs in as whoever a test says (HTTP Basic), or
 * as no one: unlike the tests' {@code TestRestTemplate}, it adds no credentials of its own.
 */
public final class Door {

    public static final String PASSWORD = "a-long-enough-password";
    public static final String ADMIN = SignedInTestClients.USERNAME;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    public Door(int port) {
        this.port = port;
    }

    /** The status and body of one request; {@code username} null sends no credentials. */
    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Answer send(String username, String method, String path, String body) {
        return send(username, method, path, body, "application/json");
    }

    public Answer send(String username, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = request(username, path).header("Accept", "application/json, */*;q=0.5");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A request to the path, signed in as the username (HTTP Basic) unless it is null; no Accept header yet. */
    public HttpRequest.Builder request(String username, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (username != null) {
            String password = username.equals(ADMIN) ? SignedInTestClients.PASSWORD : PASSWORD;
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Creates an account (as the test administrator) with {@link #PASSWORD}. */
    public void account(String username) {
        Answer created = send(
                ADMIN,
                "POST",
                "/api/accounts",
                json(Map.of("username", username, "password", PASSWORD, "displayName", username)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** Registers a project, as {@code by} (who becomes its coordinator). */
    public void project(String by, String projectId) {
        Answer registered = send(
                by,
                "POST",
                "/api/projects",
                json(Map.of("projectId", projectId, "title", "A study", "occurredAt", "2024-01-01")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    /** A member joins the project on 2024-01-02 as a researcher with one perspective, recorded by {@code by}. */
    public void member(String by, String projectId, String memberId, String name, String perspective) {
        Answer joined = send(
                by,
                "POST",
                "/api/projects/" + projectId + "/members",
                json(Map.of(
                        "memberId",
                        memberId,
                        "name",
                        name,
                        "role",
                        "RESEARCHER",
                        "perspectives",
                        java.util.List.of(perspective),
                        "occurredAt",
                        "2024-01-02")));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    }

    /** Gives the account a role in the project, as {@code by}. */
    public void grant(String by, String projectId, String username, String role, String memberId) {
        Map<String, Object> body = memberId == null ? Map.of("role", role) : Map.of("role", role, "memberId", memberId);
        Answer granted = send(by, "PUT", "/api/projects/" + projectId + "/access/" + username, json(body));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
