package org.coproduction.timeline.codebook.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.coproduction.timeline.codebook.query.CodebookView.Code;
import org.coproduction.timeline.codebook.query.CodebookView.IpaCode;
import org.coproduction.timeline.codebook.query.CodebookView.Status;

/**
 * A codebook as a REFI-QDA codebook exchange file (QDA-XML 1.0, {@code urn:QDA-XML:codebook:1.0}, a
 * {@code .qdc}) that NVivo, ATLAS.ti, MAXQDA or QualCoder read: the team's codes as a tree of {@code
 * <Code>} elements, each with its description, then Bales' IPA categories under a group of their own.
 * A merged code is left out (its codings count as the code merged into); a retired one is kept, not
 * codable. Each code's GUID is derived from the project and its key, so the same code has the same
 * GUID in every export (docs/interchange.md). Written with the JDK's StAX writer, which escapes.
 */
public final class QdcCodebook {

    public static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";
    public static final String IPA_GROUP = "Bales' Interaction Process Analysis";

    private QdcCodebook() {}

    /** The GUID of a team code in a project's exports: stable, in the 8-4-4-4-12 form. */
    public static String guid(String projectId, String code) {
        return UUID.nameUUIDFromBytes(("code\u0000" + projectId + "\u0000" + code).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String ipaGuid(String projectId, String category) {
        return UUID.nameUUIDFromBytes(("ipa\u0000" + projectId + "\u0000" + category).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The GUID each code key is exported under: its own, or, for a merged code (not exported), that
     * of the code it was merged into. A key not in the codebook has none.
     */
    public static Map<String, String> exportedGuids(CodebookView codebook) {
        Map<String, String> guids = new HashMap<>();
        for (Code code : codebook.codes()) {
            String exported = code.status() == Status.MERGED ? code.mergedInto() : code.code();
            if (exported != null) {
                guids.put(code.code(), guid(codebook.projectId(), exported));
            }
        }
        for (IpaCode category : codebook.ipa()) {
            guids.put(category.code(), ipaGuid(codebook.projectId(), category.code()));
        }
        return guids;
    }

    public static byte[] write(CodebookView codebook) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("CodeBook");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("origin", "Coproduction Timeline");
            xml.writeCharacters("\n");
            writeCodes(xml, codebook, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the codebook could not be written as XML", e);
        }
        return out.toByteArray();
    }

    /**
     * The codebook's {@code <Codes>} element, indented {@code depth} levels, in the default namespace
     * of the document being written: a codebook file's, or a project's ({@code .qdpx}), whose {@code
     * CodeBook} holds the same elements.
     */
    public static void writeCodes(XMLStreamWriter xml, CodebookView codebook, int depth) throws XMLStreamException {
        Map<String, List<Code>> children = new HashMap<>();
        List<Code> top = new ArrayList<>();
        for (Code code : codebook.codes()) {
            if (code.status() == Status.MERGED) {
                continue;
            }
            if (code.parent() == null) {
                top.add(code);
            } else {
                children.computeIfAbsent(code.parent(), p -> new ArrayList<>()).add(code);
            }
        }
        String indent = "  ".repeat(depth);
        xml.writeCharacters(indent);
        xml.writeStartElement("Codes");
        xml.writeCharacters("\n");
        for (Code code : top) {
            code(xml, codebook.projectId(), code, children, depth + 1);
        }
        xml.writeCharacters(indent + "  ");
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", ipaGuid(codebook.projectId(), "group"));
        xml.writeAttribute("name", IPA_GROUP);
        xml.writeAttribute("isCodable", "false");
        description(xml, "Built in: the 12 categories meeting turns are coded with (Bales, 1950).", depth + 2);
        for (IpaCode category : codebook.ipa()) {
            xml.writeCharacters(indent + "    ");
            xml.writeEmptyElement("Code");
            xml.writeAttribute("guid", ipaGuid(codebook.projectId(), category.code()));
            xml.writeAttribute("name", category.number() + ". " + category.name());
            xml.writeAttribute("isCodable", "true");
            xml.writeCharacters("\n");
        }
        xml.writeCharacters(indent + "  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeCharacters(indent);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void code(
            XMLStreamWriter xml, String projectId, Code code, Map<String, List<Code>> children, int depth)
            throws XMLStreamException {
        String indent = "  ".repeat(depth);
        List<Code> under = children.getOrDefault(code.code(), List.of());
        xml.writeCharacters(indent);
        if (code.description() == null && under.isEmpty()) {
            xml.writeEmptyElement("Code");
        } else {
            xml.writeStartElement("Code");
        }
        xml.writeAttribute("guid", guid(projectId, code.code()));
        xml.writeAttribute("name", code.name());
        xml.writeAttribute("isCodable", String.valueOf(code.status() != Status.RETIRED));
        if (code.description() == null && under.isEmpty()) {
            xml.writeCharacters("\n");
            return;
        }
        if (code.description() != null) {
            description(xml, code.description(), depth + 1);
        } else {
            xml.writeCharacters("\n");
        }
        for (Code child : under) {
            code(xml, projectId, child, children, depth + 1);
        }
        xml.writeCharacters(indent);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void description(XMLStreamWriter xml, String text, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeStartElement("Description");
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }
}
