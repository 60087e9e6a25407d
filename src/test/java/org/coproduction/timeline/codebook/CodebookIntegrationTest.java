package org.coproduction.timeline.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The demo's codebook over HTTP, held to a count made here from the demo's lines alone: for each
 * code, the reflections whose latest coding gives it and the interviews that give it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class CodebookIntegrationTest {

    private static final String DEMO = DemoProjectGenerator.DEMO_PROJECT_ID;

    @Autowired
    private JsonLinesImporter importer;

    @Autowired
    private TestRestTemplate http;

    @TempDir
    private Path dir;

    @Test
    void theDemosCodebookHoldsItsThemesAsDefinedWithTheirUseCountedAsTheLinesSay() throws Exception {
        List<ObjectNode> lines = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
        Path file = dir.resolve("demo.jsonl");
        Files.write(file, lines.stream().map(ObjectNode::toString).toList());
        importer.importFile(file, new ImportProgress() {});

        JsonNode codebook = http.getForObject(
                "/api/projects/" + DEMO + "/codebook?asOf=2024-01-31&knownAt=" + Instant.now(), JsonNode.class);

        Map<String, Integer> expected = expectedUse(lines);
        Map<String, Integer> actual = new TreeMap<>();
        Map<String, JsonNode> byCode = new HashMap<>();
        codebook.get("codes").forEach(code -> {
            actual.put(
                    code.get("code").asText(),
                    code.get("usage").get("reflections").asInt()
                            + code.get("usage").get("interviews").asInt());
            byCode.put(code.get("code").asText(), code);
        });
        assertThat(actual).isEqualTo(expected).hasSize(8);
        assertThat(byCode.values())
                .allSatisfy(code -> assertThat(code.get("status").asText()).isEqualTo("DEFINED"));
        JsonNode tokenism = byCode.get("tokenism");
        assertThat(tokenism.get("parent").asText()).isEqualTo("power");
        assertThat(tokenism.get("depth").asInt()).isEqualTo(1);
        assertThat(tokenism.get("description").asText()).startsWith("Involvement in name only: asked late, asked");
        assertThat(tokenism.get("eventIds")).hasSize(2);
        assertThat(codebook.get("ipa")).hasSize(12);

        byte[] qdc = http.getForObject("/api/projects/" + DEMO + "/codebook.qdc", byte[].class);
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/main/resources/refi-qda/Codebook.xsd").toFile())
                .newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(qdc)));
        String xml = new String(qdc, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("name=\"Power in the team\"").contains("name=\"Tokenism\"");
        assertThat(xml.indexOf("name=\"Tokenism\""))
                .as("tokenism inside power")
                .isGreaterThan(xml.indexOf("name=\"Power in the team\""))
                .isLessThan(xml.indexOf("name=\"Role clarity\""));

        JsonNode before = http.getForObject(
                "/api/projects/" + DEMO + "/codebook?asOf=2022-09-01&knownAt=" + Instant.now(), JsonNode.class);
        assertThat(before.get("codes"))
                .as("before the analysis phase the themes are codes from use only")
                .isNotEmpty()
                .allSatisfy(code -> assertThat(code.get("status").asText()).isEqualTo("FROM_USE"));
    }

    /**
     * Per code: the reflections whose latest coding (by occurredAt, then line) gives it, and the
     * interviews that do, as a whole or in a coded passage (each passage's latest coding), each text
     * once per code.
     */
    private static Map<String, Integer> expectedUse(List<ObjectNode> lines) {
        Map<String, Instant> codedAt = new HashMap<>();
        Map<String, List<String>> latest = new HashMap<>();
        Set<String> excluded = new HashSet<>();
        Map<String, String> authors = new HashMap<>();
        Map<String, Integer> use = new TreeMap<>();
        Map<String, Set<String>> interviews = new HashMap<>();
        Map<String, Instant> passageAt = new HashMap<>();
        Map<String, List<String>> passages = new HashMap<>();
        for (ObjectNode line : lines) {
            JsonNode data = line.get("data");
            Instant at = Instant.parse(data.get("occurredAt").asText());
            switch (line.get("type").asText()) {
                case "ReflectionWritten" -> authors.put(
                        data.get("reflectionId").asText(), data.get("authorId").asText());
                case "ReflectionCoded" -> {
                    String id = data.get("reflectionId").asText();
                    if (!codedAt.containsKey(id) || !at.isBefore(codedAt.get(id))) {
                        codedAt.put(id, at);
                        latest.put(id, texts(data.get("codes")));
                    }
                }
                case "InterviewRecorded" -> {
                    interviews.put(
                            data.get("interviewId").asText(),
                            new java.util.LinkedHashSet<>(data.has("codes") ? texts(data.get("codes")) : List.of()));
                }
                case "PassageCoded" -> {
                    String range = data.get("source").asText() + ":"
                            + data.get("sourceId").asText() + ":"
                            + data.get("start").asInt() + ":" + data.get("end").asInt();
                    if (!passageAt.containsKey(range) || !at.isBefore(passageAt.get(range))) {
                        passageAt.put(range, at);
                        passages.put(range, texts(data.get("codes")));
                    }
                }
                case "ConsentWithdrawn" -> {
                    if ("ALL".equals(data.path("scope").asText())) {
                        excluded.add(data.get("memberId").asText());
                    }
                }
                default -> {}
            }
        }
        Map<String, Set<String>> reflections = new HashMap<>();
        latest.forEach((id, codes) -> reflections.put(id, new java.util.LinkedHashSet<>(codes)));
        passages.forEach((range, codes) -> {
            String[] parts = range.split(":");
            (parts[0].equals("REFLECTION") ? reflections : interviews)
                    .computeIfAbsent(parts[1], id -> new java.util.LinkedHashSet<>())
                    .addAll(codes);
        });
        reflections.forEach((id, codes) -> {
            if (!excluded.contains(authors.get(id))) {
                codes.forEach(code -> use.merge(code, 1, Integer::sum));
            }
        });
        interviews.values().forEach(codes -> codes.forEach(code -> use.merge(code, 1, Integer::sum)));
        return use;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
