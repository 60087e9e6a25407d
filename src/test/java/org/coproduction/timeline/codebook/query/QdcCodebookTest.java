package org.coproduction.timeline.codebook.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.coproduction.timeline.codebook.query.CodebookView.Code;
import org.coproduction.timeline.codebook.query.CodebookView.IpaCode;
import org.coproduction.timeline.codebook.query.CodebookView.Status;
import org.coproduction.timeline.codebook.query.CodebookView.Usage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The .qdc export: valid against REFI-QDA's Codebook.xsd, its tree, GUIDs and text as the codebook has them. */
class QdcCodebookTest {

    static final Path CODEBOOK_XSD = Path.of("src/main/resources/refi-qda/Codebook.xsd");

    private static Code code(String key, String name, String description, String parent, int depth, Status status) {
        return new Code(
                key,
                name,
                description,
                parent,
                depth,
                status,
                status == Status.MERGED ? "power" : null,
                null,
                null,
                0,
                new Usage(0, 0, Map.of(), Map.of()),
                List.of());
    }

    private static final CodebookView CODEBOOK = new CodebookView(
            "p-1",
            Instant.EPOCH,
            Instant.EPOCH,
            List.of(
                    code(
                            "power",
                            "Power & \"say\" <who decides>",
                            "Who decides. 🙂 Łucja's word",
                            null,
                            0,
                            Status.DEFINED),
                    code("tokenism", "Tokenism", null, "power", 1, Status.DEFINED),
                    code("voice", "Voice", null, null, 0, Status.MERGED),
                    code("jargon", "jargon", null, null, 0, Status.RETIRED)),
            List.of(new IpaCode("SHOWS_SOLIDARITY", "Shows solidarity", 1, "POSITIVE_REACTIONS", 3)));

    @Test
    void theFileIsValidQdaXmlWithTheTreeTheTextAndStableGuids() throws Exception {
        byte[] qdc = QdcCodebook.write(CODEBOOK);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CODEBOOK_XSD.toFile())
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(qdc)));
        Document document = parse(qdc);
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:QDA-XML:codebook:1.0");
        List<Element> top = children(firstChild(root, "Codes"), "Code");
        assertThat(top)
                .extracting(e -> e.getAttribute("name"))
                .containsExactly("Power & \"say\" <who decides>", "jargon", "Bales' Interaction Process Analysis");
        Element power = top.get(0);
        assertThat(firstChild(power, "Description").getTextContent()).isEqualTo("Who decides. 🙂 Łucja's word");
        assertThat(children(power, "Code")).singleElement().satisfies(t -> {
            assertThat(t.getAttribute("name")).isEqualTo("Tokenism");
            assertThat(t.getAttribute("guid")).isEqualTo(QdcCodebook.guid("p-1", "tokenism"));
        });
        assertThat(power.getAttribute("guid"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(QdcCodebook.guid("p-1", "power"))
                .isNotEqualTo(QdcCodebook.guid("p-2", "power"));
        assertThat(top.get(1).getAttribute("isCodable")).as("retired").isEqualTo("false");
        assertThat(top.get(2).getAttribute("isCodable")).isEqualTo("false");
        assertThat(children(top.get(2), "Code"))
                .extracting(e -> e.getAttribute("name"))
                .containsExactly("1. Shows solidarity");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Element firstChild(Element parent, String name) {
        return children(parent, name).get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
