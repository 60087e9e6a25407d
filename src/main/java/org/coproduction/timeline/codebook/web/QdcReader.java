package org.coproduction.timeline.codebook.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.coproduction.timeline.api.InvalidFieldException;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a REFI-QDA codebook file (QDA-XML 1.0, {@code .qdc}): validated against REFI-QDA's
 * Codebook.xsd first, with no DTD and no external entity read, then read with the JDK's StAX reader
 * into its codes in document order (a parent before its children), each with the line it starts
 * on. A file that is not one is refused as {@code file}, with the line and the reason.
 */
final class QdcReader {

    /** One {@code <Code>} of the file. */
    record FileCode(int line, String guid, String name, String description, boolean codable, FileCode parent) {}

    private static final Schema SCHEMA = schema();

    private QdcReader() {}

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(QdcReader.class.getResource("/refi-qda/Codebook.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("REFI-QDA's Codebook.xsd could not be read", e);
        }
    }

    static List<FileCode> read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidFieldException("file", "is empty: send a REFI-QDA codebook (.qdc)");
        }
        validate(file);
        List<Read> codes = new ArrayList<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            Deque<Read> open = new ArrayDeque<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("Code")) {
                    Read code = new Read(
                            xml.getLocation().getLineNumber(),
                            xml.getAttributeValue(null, "guid"),
                            xml.getAttributeValue(null, "name"),
                            Boolean.parseBoolean(xml.getAttributeValue(null, "isCodable")),
                            open.peek());
                    codes.add(code);
                    open.push(code);
                } else if (event == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("Description")
                        && !open.isEmpty()) {
                    open.peek().description = xml.getElementText();
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("Code")) {
                    open.pop();
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidFieldException("file", where(e) + "is not readable XML: " + e.getMessage());
        }
        java.util.Map<Read, FileCode> read = new java.util.IdentityHashMap<>();
        List<FileCode> result = new ArrayList<>();
        for (Read code : codes) {
            FileCode done = new FileCode(
                    code.line, code.guid, code.name, code.description, code.codable, read.get(code.parent));
            read.put(code, done);
            result.add(done);
        }
        return result;
    }

    /** A code as it is being read: its description comes after its start. */
    private static final class Read {
        final int line;
        final String guid;
        final String name;
        final boolean codable;
        final Read parent;
        String description;

        Read(int line, String guid, String name, boolean codable, Read parent) {
            this.line = line;
            this.guid = guid;
            this.name = name;
            this.codable = codable;
            this.parent = parent;
        }
    }

    private static void validate(byte[] file) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(file)));
        } catch (SAXParseException e) {
            throw new InvalidFieldException(
                    "file", "line " + e.getLineNumber() + ": not a REFI-QDA codebook: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new InvalidFieldException("file", "not a REFI-QDA codebook: " + e.getMessage());
        }
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ": ";
    }
}
