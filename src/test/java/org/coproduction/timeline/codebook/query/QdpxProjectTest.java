package org.coproduction.timeline.codebook.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduction.timeline.codebook.query.QdcCodebookTest.children;
import static org.coproduction.timeline.codebook.query.QdcCodebookTest.firstChild;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.coproduction.timeline.api.PointInTime;
import org.coproduction.timeline.codebook.query.CodebookView.Code;
import org.coproduction.timeline.codebook.query.CodebookView.IpaCode;
import org.coproduction.timeline.codebook.query.CodebookView.Status;
import org.coproduction.timeline.codebook.query.CodebookView.Usage;
import org.coproduction.timeline.codebook.query.QdpxProject.Coding;
import org.coproduction.timeline.codebook.query.QdpxProject.Member;
import org.coproduction.timeline.codebook.query.QdpxProject.Source;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The .qdpx writer: a zip of project.qde (valid against REFI-QDA's project schema) and one text per
 * source, each coding's positions counted in code points of the text as its file holds it, the codes
 * by the .qdc's GUIDs (a merged code by the GUID of the code merged into), the same bytes each time.
 */
class QdpxProjectTest {

    static final Path PROJECT_XSD = Path.of("src/test/resources/refi-qda/Project-mrt2019.xsd");
    static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final Instant T = Instant.parse("2024-03-04T10:15:30Z");

    private static Code code(String key, Status status, String mergedInto) {
        return new Code(
                key,
                key,
                null,
                null,
                0,
                status,
                mergedInto,
                null,
                null,
                0,
                new Usage(0, 0, Map.of(), Map.of()),
                List.of());
    }

    static final CodebookView CODEBOOK = new CodebookView(
            "p-1",
            T,
            T,
            List.of(
                    code("power", Status.DEFINED, null),
                    code("voice", Status.MERGED, "power"),
                    code("care", Status.FROM_USE, null)),
            List.of(new IpaCode("AGREES", "Agrees", 3, "POSITIVE_REACTIONS", 0)));

    /** Accents, emoji (two UTF-16 chars, one code point), a combining accent and a line break. */
    static final String TEXT = "👋 Zoë said: “we 🙂 care” — naïve\u0301 café\nsecond line 👩🏽‍🔬 end";

    static QdpxProject.Project project() {
        Source reflection = new Source(
                "reflection:r-1", "Reflection r-1 by Zoë Ünal, 2024-03-04", "A diary", TEXT, "m-zoe", T, "m-zoe");
        Source interview =
                new Source("interview:i-1", "Interview i-1", null, "Plain summary.", "m-left-out", T, "m-zoe");
        int emoji = TEXT.codePointCount(0, TEXT.indexOf("🙂"));
        return new QdpxProject.Project(
                "p-1",
                "A study & <its> title",
                "What it is about",
                T,
                PointInTime.now(T),
                T,
                List.of(
                        new Member("m-zoe", "Zoë Ünal", false, "RESEARCHER", "SERVICE_USER", "Design"),
                        new Member("m-gone", "Withdrawn member 1", true, "RESEARCHER", null, "Before the first phase")),
                CODEBOOK,
                List.of(reflection, interview),
                List.of(
                        Coding.whole(reflection, List.of("power", "care"), "m-zoe", T),
                        new Coding(
                                "reflection:r-1",
                                emoji,
                                emoji + 7,
                                List.of("voice", "power"),
                                "m-gone",
                                T.plusSeconds(60)),
                        Coding.whole(interview, List.of("care", "not-in-the-codebook"), "m-left-out", T)));
    }

    @Test
    void theZipHoldsAValidProjectAndTheTextsTheCodingsPointInto() throws Exception {
        Map<String, byte[]> zip = unzip(QdpxProject.write(project()));

        assertThat(zip.keySet()).first().isEqualTo("project.qde");
        byte[] qde = zip.get("project.qde");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(PROJECT_XSD.toFile())
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(qde)));
        Element root = QdcCodebookTest.parse(qde).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:QDA-XML:project:1.0");
        assertThat(root.getAttribute("name")).isEqualTo("A study & <its> title");

        List<Element> sources = children(firstChild(root, "Sources"), "TextSource");
        assertThat(sources).hasSize(2);
        Element reflection = sources.get(0);
        String path = reflection.getAttribute("plainTextPath");
        assertThat(path).isEqualTo("internal://" + reflection.getAttribute("guid") + ".txt");
        assertThat(children(reflection, "PlainTextContent")).isEmpty();
        String text = new String(zip.get("sources/" + path.substring("internal://".length())), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(TEXT);

        List<Element> selections = children(reflection, "PlainTextSelection");
        assertThat(selections).hasSize(2);
        assertThat(selection(text, selections.get(0))).as("the whole text").isEqualTo(TEXT);
        assertThat(selection(text, selections.get(1)))
                .as("a passage, by code points")
                .isEqualTo("🙂 care”");
        assertThat(children(selections.get(0), "Coding"))
                .extracting(c -> firstChild(c, "CodeRef").getAttribute("targetGUID"))
                .containsExactly(QdcCodebook.guid("p-1", "power"), QdcCodebook.guid("p-1", "care"));
        assertThat(children(selections.get(1), "Coding"))
                .as("a merged code codes as the code merged into, once")
                .extracting(c -> firstChild(c, "CodeRef").getAttribute("targetGUID"))
                .containsExactly(QdcCodebook.guid("p-1", "power"));

        Map<String, String> users = new LinkedHashMap<>();
        children(firstChild(root, "Users"), "User")
                .forEach(u -> users.put(u.getAttribute("guid"), u.getAttribute("name")));
        assertThat(users.values()).containsExactly("Zoë Ünal", "Withdrawn member 1");
        assertThat(users.get(selections.get(1).getAttribute("creatingUser"))).isEqualTo("Withdrawn member 1");
        assertThat(new String(qde, StandardCharsets.UTF_8))
                .as("a withdrawn member's id is not written")
                .doesNotContain("m-gone");

        Element interview = sources.get(1);
        assertThat(interview.hasAttribute("creatingUser"))
                .as("a member who is no user")
                .isFalse();
        Element whole = firstChild(interview, "PlainTextSelection");
        assertThat(whole.getAttribute("endPosition")).isEqualTo("14");
        assertThat(children(whole, "Coding"))
                .as("a code not in the codebook is left out")
                .hasSize(1);

        Element zoe = children(firstChild(root, "Cases"), "Case").get(0);
        assertThat(children(zoe, "VariableValue"))
                .extracting(v -> firstChild(v, "TextValue").getTextContent())
                .containsExactly("RESEARCHER", "SERVICE_USER", "Design");
        assertThat(children(zoe, "SourceRef"))
                .extracting(r -> r.getAttribute("targetGUID"))
                .containsExactly(reflection.getAttribute("guid"), interview.getAttribute("guid"));

        assertThat(new String(qde, StandardCharsets.UTF_8))
                .as("every GUID in the 8-4-4-4-12 form")
                .doesNotContainPattern("(guid|GUID|User)=\"(?!" + GUID + "\")");
    }

    @Test
    void theCodebookIsTheQdcsCodes() throws Exception {
        Document qde = QdcCodebookTest.parse(unzip(QdpxProject.write(project())).get("project.qde"));
        Document qdc = QdcCodebookTest.parse(QdcCodebook.write(CODEBOOK));
        assertThat(guids(firstChild(firstChild(qde.getDocumentElement(), "CodeBook"), "Codes")))
                .isEqualTo(guids(firstChild(qdc.getDocumentElement(), "Codes")))
                .contains(QdcCodebook.guid("p-1", "power") + " power");
    }

    @Test
    void theSameProjectGivesTheSameBytes() {
        assertThat(QdpxProject.write(project())).isEqualTo(QdpxProject.write(project()));
    }

    @Test
    void aCodingOutsideItsTextIsAFault() {
        QdpxProject.Project p = project();
        List<Coding> codings = new ArrayList<>(p.codings());
        codings.add(new Coding("interview:i-1", 3, 15, List.of("care"), "m-zoe", T));
        QdpxProject.Project wrong = new QdpxProject.Project(
                p.projectId(),
                p.title(),
                p.description(),
                p.registeredAt(),
                p.at(),
                p.stamp(),
                p.members(),
                p.codebook(),
                p.sources(),
                codings);
        assertThatThrownBy(() -> QdpxProject.write(wrong))
                .hasMessageContaining("from 3 to 15 in a text of 14 code points");
    }

    /** The selected text: its positions taken as code points. */
    static String selection(String text, Element selection) {
        int start = Integer.parseInt(selection.getAttribute("startPosition"));
        int end = Integer.parseInt(selection.getAttribute("endPosition"));
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    private static List<String> guids(Element codes) {
        List<String> found = new ArrayList<>();
        org.w3c.dom.NodeList all = codes.getElementsByTagNameNS("*", "Code");
        for (int i = 0; i < all.getLength(); i++) {
            Element code = (Element) all.item(i);
            found.add(code.getAttribute("guid") + " " + code.getAttribute("name"));
        }
        return found;
    }

    /** The zip's entries in their order, by name. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
