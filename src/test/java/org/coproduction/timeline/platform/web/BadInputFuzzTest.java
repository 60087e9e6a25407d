package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.coproduction.timeline.TimelineApplication;
import org.coproduction.timeline.access.Door;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every operation of the OpenAPI document, driven with generated bad input as the site
 * administrator (who passes every door, so the input itself is what is judged): path variables that
 * name nothing or something real, query parameters and bodies built from the operation's own schema
 * with values of the wrong kind, out of range, too long, with control characters or half a
 * character, extra and missing fields, and bodies that are not JSON at all. Whatever comes, the
 * server never answers 5xx; every refusal is {@code application/problem+json}; a 400 names each
 * field at fault and never a Java type, class or stack, nor more than 200 characters of the value.
 */
class BadInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "fuzz-study";
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

    private static ConfigurableApplicationContext app;
    private static Door door;
    private static List<Operation> operations;

    record Operation(String method, String path, JsonNode operation, JsonNode schema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(TimelineApplication.class).run("--server.port=0");
        door = new Door(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        send(
                "POST",
                "/api/projects",
                "{\"projectId\":\"" + PROJECT + "\",\"title\":\"Fuzz\",\"occurredAt\":\"2024-01-01\"}");
        send(
                "POST",
                "/api/projects/" + PROJECT + "/members",
                "{\"memberId\":\"m-1\",\"name\":\"Ann\",\"role\":\"RESEARCHER\",\"perspectives\":[\"ACADEMIC\"],"
                        + "\"occurredAt\":\"2024-01-02\"}");
        send(
                "POST",
                "/api/projects/" + PROJECT + "/decisions",
                "{\"decisionId\":\"d-1\",\"title\":\"Which outcome\",\"proposedBy\":\"m-1\",\"occurredAt\":\"2024-01-03\"}");
        JsonNode document = door.send(Door.ADMIN, "GET", "/v3/api-docs", null).json();
        operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(op -> operations.add(new Operation(
                        op.getKey().toUpperCase(),
                        path.getKey(),
                        op.getValue(),
                        bodySchema(document, op.getValue())))));
        assertThat(operations).hasSizeGreaterThan(40);
    }

    @AfterContainer
    static void stop() {
        System.out.println("bad-input fuzz: " + operations.size() + " operations, answers by status "
                + new TreeMap<>(STATUSES.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().get()))));
        if (app != null) {
            app.close();
        }
    }

    private static void send(String method, String path, String body) {
        Door.Answer answer = door.send(Door.ADMIN, method, path, body);
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    }

    /** The operation's JSON body schema, its {@code $ref} resolved; null when it takes none. */
    private static JsonNode bodySchema(JsonNode document, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || !content.fields().hasNext()) {
            return null;
        }
        JsonNode schema = content.fields().next().getValue().path("schema");
        return resolve(document, schema);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    @Property(tries = 1500, seed = "20261206")
    void noInputMakesTheServerFail(
            @ForAll("operations") Operation operation,
            @ForAll("pathValues") List<String> pathValues,
            @ForAll("values") List<Object> values,
            @ForAll("rawBodies") String rawBody,
            @ForAll("contentTypes") String contentType,
            @ForAll boolean raw) {
        Iterator<String> fill = pathValues.iterator();
        Matcher variable = VARIABLE.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(fill.next()));
        }
        variable.appendTail(path);
        Iterator<Object> value = values.iterator();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.operation().path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && value.hasNext()) {
                Object v = value.next();
                if (v != null) {
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(parameter.path("name").asText())
                            .append('=')
                            .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
                }
            }
        }
        String body = null;
        if (operation.schema() != null || !operation.method().equals("GET")) {
            body = raw || operation.schema() == null ? rawBody : object(operation.schema(), values);
        }
        Door.Answer answer = door.send(Door.ADMIN, operation.method(), path + query.toString(), body, contentType);
        STATUSES.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        String request = operation + " " + path + query + " " + (body == null ? "" : cut(body));

        assertThat(answer.status()).as("%s -> %s", request, cut(answer.body())).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as("%s -> %s", request, cut(answer.body()))
                    .startsWith("application/problem+json");
            assertThat(answer.body())
                    .as(request)
                    .doesNotContain("java.")
                    .doesNotContain("org.coproduction")
                    .doesNotContain("Exception")
                    .hasSizeLessThan(8_000);
        }
        if (answer.status() == 400) {
            JsonNode errors = answer.json().path("errors");
            assertThat(errors).as("%s -> %s", request, cut(answer.body())).isNotEmpty();
            errors.forEach(error -> assertThat(error.path("field").asText())
                    .as("%s -> %s", request, cut(answer.body()))
                    .isNotBlank());
        }
    }

    private static String cut(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    /** A body from the schema: each property, some left out, given one of the generated values. */
    private static String object(JsonNode schema, List<Object> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Iterator<Object> value = values.iterator();
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!value.hasNext()) {
                break;
            }
            Object v = value.next();
            if (v == Omit.OMIT) {
                continue;
            }
            node.set(name, JSON.valueToTree(v));
        }
        return node.toString();
    }

    enum Omit {
        OMIT
    }

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(operations);
    }

    @Provide
    Arbitrary<List<String>> pathValues() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(PROJECT, "m-1", "d-1", "timeline", "influence", "test-admin", "no-such-thing"),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withChars('-', '_', '.', ':', ' ', 'é', '€')
                        .ofMinLength(1)
                        .ofMaxLength(80)
                        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")),
                Arbitraries.just("x".repeat(300)));
        return value.list().ofSize(4);
    }

    @Provide
    Arbitrary<List<Object>> values() {
        return value().list().ofMinSize(0).ofMaxSize(12);
    }

    private static Arbitrary<Object> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Omit.OMIT)),
                Tuple.of(2, Arbitraries.just((Object) null)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "2024-01-05",
                                "2024-01-05T10:00:00Z",
                                "2024-13-01",
                                "0000-01-01",
                                "+999999999-12-31T23:59:59Z",
                                "2999-01-01",
                                "1969-12-31T23:59:59.9999999999Z",
                                "m-1",
                                "d-1",
                                PROJECT,
                                "SERVICE_USER",
                                "lower case",
                                "ACADEMIC",
                                "PROPOSE",
                                "html",
                                "pdf",
                                "month",
                                "",
                                " ",
                                "a\u0000b",
                                "\u001b[31mred",
                                "half \ud800 a character",
                                "<script>alert(1)</script>",
                                "Łucja Wiśniewska")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.just((Object) "y".repeat(25_000))),
                Tuple.of(
                        2,
                        Arbitraries.oneOf(
                                Arbitraries.integers().map(i -> (Object) i),
                                Arbitraries.longs().map(l -> (Object) l),
                                Arbitraries.doubles().map(d -> (Object) d),
                                Arbitraries.of(true, false).map(b -> (Object) b))),
                Tuple.of(
                        1,
                        Arbitraries.of(List.of(), List.of("m-1", "m-1"), List.of(1, 2), List.of("ACADEMIC", "x y"))
                                .map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.just((Object) Map.of("nested", List.of(Map.of("deeper", 1))))));
    }

    @Provide
    Arbitrary<String> rawBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "{",
                        "[]",
                        "null",
                        "1",
                        "\"text\"",
                        "{} {}",
                        "{\"title\":\"a\",\"title\":\"b\"}",
                        "{\"occurredAt\":\"2024-01-01\"} trailing",
                        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                        "\u0000\u0001\u0002",
                        "{\"eventId\":\"e\"}\n{\"eventId\":\"e\"}\n"),
                Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequency(
                Tuple.of(8, "application/json"),
                Tuple.of(1, "text/plain"),
                Tuple.of(1, "application/x-ndjson"),
                Tuple.of(1, "application/xml"));
    }
}
