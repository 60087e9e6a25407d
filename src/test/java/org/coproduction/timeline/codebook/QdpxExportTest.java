package org.coproduction.timeline.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coproduction.timeline.access.Door;
import org.coproduction.timeline.api.CodebookCommand.DefineCode;
import org.coproduction.timeline.api.JournalCommand.CodePassage;
import org.coproduction.timeline.api.JournalCommand.CodeReflection;
import org.coproduction.timeline.api.JournalCommand.RecordInterview;
import org.coproduction.timeline.api.JournalCommand.WithdrawConsent;
import org.coproduction.timeline.api.JournalCommand.WriteReflection;
import org.coproduction.timeline.api.LifecycleCommand.JoinMember;
import org.coproduction.timeline.api.LifecycleCommand.RegisterProject;
import org.coproduction.timeline.api.LifecycleCommand.StartPhase;
import org.coproduction.timeline.api.PassageSource;
import org.coproduction.timeline.api.Visibility;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.codebook.query.QdcCodebook;
import org.coproduction.timeline.demo.DemoProjectGenerator;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The REFI-QDA project export over HTTP: the demo's is valid against REFI-QDA's project schema; a
 * small project's texts (accents, emoji, a combining accent) come back exactly, each coding on the
 * same code-point range of the same text, by the .qdc's code GUIDs; a private reflection is in its
 * author's export only; a withdrawn member's words are in none and their name is their pseudonym;
 * sealed text never leaves; only the project's people may export.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QdpxExportTest {

    static final String PROJECT = "qdpx-study";
    static final String BASE = "/api/projects/" + PROJECT;
    static final Path PROJECT_XSD = Path.of("src/test/resources/refi-qda/Project-mrt2019.xsd");

    static final String ZOE = "Zoë Ünal";
    static final String ZOES_TEXT = "👋 Zoë: the “plain” summary felt naïve\u0301 — café talk 🙂\nNext: 👩🏽‍🔬 lab.";
    /** A passage of Zoë's text after an emoji and a combining accent, coded on its own. */
    static final String ZOES_PASSAGE = "café talk 🙂";

    static final String ZOES_PRIVATE = "Private-only-Zoe-marker-91c2: I held back ☕";
    static final String BENS_SUMMARY = "Ben 🚲 said the vouchers wére fair; ça va.";
    static final String CARA = "Cara Withdrawn-name-4d1e";
    static final String CARAS_WORDS = "Cara-words-marker-77ab";
    static final String DAN = "Dan Excluded-name-c03f";
    static final String DANS_WORDS = "Dan-words-marker-5b2e";

    @Autowired
    CommandGateway commands;

    @Autowired
    JsonLinesImporter importer;

    @LocalServerPort
    int port;

    Door door;

    @BeforeAll
    void aTeamWithSharedAndPrivateTextsAndTwoWithdrawals() {
        door = new Door(port);
        Instant day = Instant.parse("2024-01-01T09:00:00Z");
        commands.sendAndWait(new RegisterProject(PROJECT, day, "A QDA study", "Texts for analysis", null));
        commands.sendAndWait(new JoinMember(PROJECT, at(1), "m-zoe", ZOE, "RESEARCHER", List.of("SERVICE_USER")));
        commands.sendAndWait(new StartPhase(PROJECT, at(2), "design", "Design"));
        commands.sendAndWait(
                new JoinMember(PROJECT, at(3), "m-ben", "Ben Bishop", "SERVICE_USER_RESEARCHER", List.of("CARER")));
        commands.sendAndWait(new JoinMember(PROJECT, at(3), "m-cara", CARA, "RESEARCHER", List.of("ACADEMIC")));
        commands.sendAndWait(new JoinMember(PROJECT, at(3), "m-dan", DAN, "RESEARCHER", List.of("ACADEMIC")));
        commands.sendAndWait(new DefineCode(PROJECT, at(4), "care", "Care & <cost>", "What care costs", null, "m-zoe"));
        commands.sendAndWait(
                new WriteReflection(PROJECT, at(5), "r-zoe", "m-zoe", ZOES_TEXT, Visibility.TEAM, null, null));
        commands.sendAndWait(new WriteReflection(
                PROJECT, at(5), "r-zoe-own", "m-zoe", ZOES_PRIVATE, Visibility.PRIVATE, null, null));
        commands.sendAndWait(
                new WriteReflection(PROJECT, at(5), "r-cara", "m-cara", CARAS_WORDS, Visibility.TEAM, null, null));
        commands.sendAndWait(
                new WriteReflection(PROJECT, at(5), "r-dan", "m-dan", DANS_WORDS, Visibility.TEAM, null, null));
        commands.sendAndWait(new CodeReflection(PROJECT, at(6), "r-zoe", List.of("voice"), "m-ben"));
        commands.sendAndWait(new CodeReflection(PROJECT, at(7), "r-zoe", List.of("care", "power"), "m-cara"));
        commands.sendAndWait(new CodeReflection(PROJECT, at(7), "r-zoe-own", List.of("care"), "m-zoe"));
        int start = ZOES_TEXT.codePointCount(0, ZOES_TEXT.indexOf(ZOES_PASSAGE));
        commands.sendAndWait(new CodePassage(
                PROJECT,
                at(7),
                PassageSource.REFLECTION,
                "r-zoe",
                start,
                start + ZOES_PASSAGE.codePointCount(0, ZOES_PASSAGE.length()),
                List.of("voice"),
                "m-ben"));
        commands.sendAndWait(new CodeReflection(PROJECT, at(7), "r-cara", List.of("care"), "m-zoe"));
        commands.sendAndWait(new CodeReflection(PROJECT, at(7), "r-dan", List.of("power"), "m-dan"));
        commands.sendAndWait(
                new RecordInterview(PROJECT, at(8), "i-ben", "m-ben", "m-zoe", BENS_SUMMARY, List.of("care")));
        commands.sendAndWait(new RecordInterview(PROJECT, at(8), "i-zoe", "m-zoe", "m-dan", null, List.of("care")));
        commands.sendAndWait(new WithdrawConsent(PROJECT, at(20), "m-cara", WithdrawalScope.TEXT));
        commands.sendAndWait(new WithdrawConsent(PROJECT, at(21), "m-dan", WithdrawalScope.ALL));
        for (String account : List.of("qdpx-zoe", "qdpx-ben", "qdpx-viewer")) {
            door.account(account);
        }
        door.grant(Door.ADMIN, PROJECT, "qdpx-zoe", "MEMBER", "m-zoe");
        door.grant(Door.ADMIN, PROJECT, "qdpx-ben", "COORDINATOR", "m-ben");
        door.grant(Door.ADMIN, PROJECT, "qdpx-viewer", "VIEWER", null);
    }

    private static Instant at(int days) {
        return Instant.parse("2024-01-01T09:00:00Z").plusSeconds(days * 86_400L);
    }

    @Test
    void eachCodingLandsOnTheSameCodePointsOfTheSameTextByTheQdcsGuids() throws Exception {
        Export zoe = export("qdpx-zoe", BASE + "/export.qdpx");

        assertThat(zoe.texts().values()).containsExactlyInAnyOrder(ZOES_TEXT, ZOES_PRIVATE, BENS_SUMMARY);
        Set<String> qdcGuids = guids(parse(door.send("qdpx-zoe", "GET", BASE + "/codebook.qdc", null)
                .body()
                .getBytes(StandardCharsets.UTF_8)));
        Map<String, List<String>> coded = new LinkedHashMap<>();
        for (Element source : zoe.sources()) {
            String text = zoe.text(source);
            for (Element selection : children(source, "PlainTextSelection")) {
                String selected = selection(text, selection);
                assertThat(selected)
                        .as("a whole-text coding covers the whole text; a passage its own code points")
                        .isIn(text, ZOES_PASSAGE);
                for (Element coding : children(selection, "Coding")) {
                    String guid = firstChild(coding, "CodeRef").getAttribute("targetGUID");
                    assertThat(qdcGuids).contains(guid);
                    coded.computeIfAbsent(selected, t -> new ArrayList<>()).add(guid);
                }
            }
        }
        assertThat(coded)
                .containsEntry(
                        ZOES_TEXT, List.of(QdcCodebook.guid(PROJECT, "care"), QdcCodebook.guid(PROJECT, "power")))
                .containsEntry(ZOES_PRIVATE, List.of(QdcCodebook.guid(PROJECT, "care")))
                .containsEntry(BENS_SUMMARY, List.of(QdcCodebook.guid(PROJECT, "care")))
                .containsEntry(ZOES_PASSAGE, List.of(QdcCodebook.guid(PROJECT, "voice")))
                .hasSize(4);
        Element zoesText = zoe.source(ZOES_TEXT);
        assertThat(zoesText.getAttribute("name")).isEqualTo("Reflection r-zoe by " + ZOE + ", 2024-01-06");
        assertThat(zoe.user(firstChild(zoesText, "PlainTextSelection").getAttribute("creatingUser")))
                .as("coded last by Cara, who withdrew")
                .isEqualTo("Withdrawn member 1");
        assertThat(firstChild(zoesText, "PlainTextSelection").getAttribute("endPosition"))
                .isEqualTo(String.valueOf(ZOES_TEXT.codePointCount(0, ZOES_TEXT.length())))
                .isNotEqualTo(String.valueOf(ZOES_TEXT.length()));

        Export before = export("qdpx-zoe", BASE + "/export.qdpx?asOf=2024-01-07T12:00:00Z");
        assertThat(before.texts().values()).as("as of before the interview").doesNotContain(BENS_SUMMARY);
        assertThat(before.user(firstChild(before.source(ZOES_TEXT), "PlainTextSelection")
                        .getAttribute("creatingUser")))
                .as("coded by Ben then")
                .isEqualTo("Ben Bishop");
    }

    @Test
    void aPrivateReflectionIsInItsAuthorsExportOnly() throws Exception {
        assertThat(export("qdpx-zoe", BASE + "/export.qdpx").all()).contains(ZOES_PRIVATE);
        for (String other : List.of("qdpx-ben", "qdpx-viewer")) {
            Export export = export(other, BASE + "/export.qdpx");
            assertThat(export.all()).as(other).doesNotContain("Private-only-Zoe-marker");
            assertThat(export.texts().values()).as(other).containsExactlyInAnyOrder(ZOES_TEXT, BENS_SUMMARY);
        }
    }

    @Test
    void aWithdrawnMembersWordsAreInNoExportAndTheirNameIsTheirPseudonym() throws Exception {
        for (String who : List.of("qdpx-zoe", "qdpx-ben", "qdpx-viewer")) {
            Export export = export(who, BASE + "/export.qdpx");
            assertThat(export.all())
                    .as(who)
                    .doesNotContain(CARAS_WORDS, CARA, "m-cara", DANS_WORDS, DAN, "m-dan", "aead1:")
                    .doesNotContain("Withdrawn member 2");
            assertThat(export.users()).as(who).containsExactly(ZOE, "Ben Bishop", "Withdrawn member 1");
            assertThat(children(firstChild(export.root(), "Cases"), "Case"))
                    .extracting(c -> c.getAttribute("name"))
                    .containsExactly(ZOE, "Ben Bishop", "Withdrawn member 1");
        }
    }

    @Test
    void theProjectsPeopleMayExportButNotTheSiteAdministratorNorAnyoneSignedOut() throws Exception {
        HttpResponse<byte[]> viewer = get("qdpx-viewer", BASE + "/export.qdpx");
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(viewer.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + PROJECT + ".qdpx\"");
        assertThat(get(Door.ADMIN, BASE + "/export.qdpx").statusCode()).isEqualTo(403);
        assertThat(get(null, BASE + "/export.qdpx").statusCode()).isEqualTo(401);
        Door.Answer badDate = door.send("qdpx-viewer", "GET", BASE + "/export.qdpx?asOf=yesterday", null);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("\"field\":\"asOf\"");
        assertThat(door.send("qdpx-viewer", "GET", BASE + "/export.qdpx?knownAt=2024-13-01", null)
                        .status())
                .isEqualTo(400);
        assertThat(get("qdpx-viewer", "/api/projects/no-such-study/export.qdpx").statusCode())
                .isEqualTo(404);
        assertThat(door.send(Door.ADMIN, "GET", BASE + "/access/audit", null).body())
                .contains("REFI-QDA project (.qdpx)");
    }

    @Test
    void theDemosProjectIsValidAgainstRefiQdasSchema(@TempDir Path dir) throws Exception {
        List<ObjectNode> lines = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
        Path file = dir.resolve("demo.jsonl");
        Files.write(file, lines.stream().map(ObjectNode::toString).toList());
        importer.importFile(file, new ImportProgress() {});
        String demo = DemoProjectGenerator.DEMO_PROJECT_ID;
        door.account("qdpx-demo-viewer");
        door.grant(Door.ADMIN, demo, "qdpx-demo-viewer", "VIEWER", null);

        Export export = export("qdpx-demo-viewer", "/api/projects/" + demo + "/export.qdpx");

        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(PROJECT_XSD.toFile())
                .newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(
                new StreamSource(new ByteArrayInputStream(export.entries().get("project.qde"))));
        assertThat(export.sources()).hasSizeGreaterThan(50);
        assertThat(export.sources())
                .extracting(s -> s.getAttribute("name"))
                .noneMatch(name -> name.startsWith("Private"));
        assertThat(export.texts()).hasSameSizeAs(export.sources());
        assertThat(export.users()).contains("Withdrawn member 1");
        assertThat(guids(firstChild(firstChild(export.root(), "CodeBook"), "Codes")))
                .isEqualTo(guids(
                        parse(door.send("qdpx-demo-viewer", "GET", "/api/projects/" + demo + "/codebook.qdc", null)
                                .body()
                                .getBytes(StandardCharsets.UTF_8))));
    }

    /** A .qdpx as read back: its entries, its project.qde's root. */
    record Export(Map<String, byte[]> entries, Element root) {

        List<Element> sources() {
            return children(firstChild(root, "Sources"), "TextSource");
        }

        String text(Element source) {
            String path = source.getAttribute("plainTextPath");
            assertThat(path).startsWith("internal://");
            byte[] file = entries.get("sources/" + path.substring("internal://".length()));
            assertThat(file).as(path).isNotNull();
            return new String(file, StandardCharsets.UTF_8);
        }

        /** Each source's text by its GUID. */
        Map<String, String> texts() {
            Map<String, String> texts = new LinkedHashMap<>();
            sources().forEach(s -> texts.put(s.getAttribute("guid"), text(s)));
            return texts;
        }

        Element source(String text) {
            return sources().stream()
                    .filter(s -> text(s).equals(text))
                    .findFirst()
                    .orElseThrow();
        }

        List<String> users() {
            return children(firstChild(root, "Users"), "User").stream()
                    .map(u -> u.getAttribute("name"))
                    .toList();
        }

        String user(String guid) {
            return children(firstChild(root, "Users"), "User").stream()
                    .filter(u -> u.getAttribute("guid").equals(guid))
                    .map(u -> u.getAttribute("name"))
                    .findFirst()
                    .orElse(null);
        }

        /** Every entry's text, to search. */
        String all() {
            StringBuilder all = new StringBuilder();
            entries.forEach(
                    (name, bytes) -> all.append(name).append('\n').append(new String(bytes, StandardCharsets.UTF_8)));
            return all.toString();
        }
    }

    private Export export(String who, String path) throws Exception {
        HttpResponse<byte[]> response = get(who, path);
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        Map<String, byte[]> entries = unzip(response.body());
        assertThat(entries).containsKey("project.qde");
        return new Export(entries, parse(entries.get("project.qde")).getDocumentElement());
    }

    private HttpResponse<byte[]> get(String who, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(door.request(who, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The selected text: its positions taken as code points. */
    static String selection(String text, Element selection) {
        int start = Integer.parseInt(selection.getAttribute("startPosition"));
        int end = Integer.parseInt(selection.getAttribute("endPosition"));
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    static Element firstChild(Element parent, String name) {
        return children(parent, name).get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** A plain namespace-aware DOM parse, with no DTD allowed. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Set<String> guids(Document document) {
        return guids(document.getDocumentElement());
    }

    /** Each code's GUID and name, under the element. */
    private static Set<String> guids(Element under) {
        Set<String> found = new HashSet<>();
        NodeList codes = under.getElementsByTagNameNS("*", "Code");
        for (int i = 0; i < codes.getLength(); i++) {
            Element code = (Element) codes.item(i);
            found.add(code.getAttribute("guid"));
        }
        return found;
    }
}
