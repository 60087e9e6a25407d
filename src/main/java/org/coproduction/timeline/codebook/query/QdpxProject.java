package org.coproduction.timeline.codebook.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.coproduction.timeline.api.PointInTime;

/**
 * A project as a REFI-QDA project exchange file (QDA-XML 1.0, {@code urn:QDA-XML:project:1.0}, a
 * {@code .qdpx}) that QualCoder, NVivo, ATLAS.ti and MAXQDA import: a zip holding {@code project.qde}
 * and, under {@code sources/}, one UTF-8 text file per text source. The project holds its users (the
 * members), the codebook (the same {@code <Codes>} and GUIDs as the {@code .qdc}: {@link
 * QdcCodebook#writeCodes}), a case per member with their role, primary perspective and the phase they
 * joined in, and the text sources with their codings. A coding is a selection of a source, counted
 * in Unicode code points of the text exactly as its file holds it (a whole text is 0 to its length),
 * with the codes given, who gave them and when: a whole reflection's or interview's codes now, a
 * passage's later. Every GUID is derived from the project and what it names, so exports agree with
 * each other (docs/interchange.md). Written with the JDK's StAX writer, which escapes.
 */
public final class QdpxProject {

    public static final String NAMESPACE = "urn:QDA-XML:project:1.0";
    public static final String ORIGIN = "Coproduction Timeline";
    public static final String PROJECT_FILE = "project.qde";
    public static final String SOURCES_FOLDER = "sources/";

    /** The case variables, in the order written: each member's value as of the export's date. */
    static final List<String> VARIABLES = List.of("Role", "Primary perspective", "Phase joined");

    /**
     * A member, as the team sees them as of the export's date. {@code withdrawn}: they withdrew consent,
     * so {@code name} is their pseudonym, and neither their member id nor a GUID made from it is
     * written (an id is often made from a name).
     */
    public record Member(
            String memberId,
            String name,
            boolean withdrawn,
            String role,
            String primaryPerspective,
            String phaseJoined) {

        /** What the member's GUIDs are made from: their id, or their pseudonym once they withdrew. */
        String key() {
            return withdrawn ? "withdrawn\u0000" + name : "member\u0000" + memberId;
        }
    }

    /**
     * A text source: {@code sourceId} names it in the project ("reflection:r-12"), {@code text} is
     * written to its file as it is; {@code createdBy} and {@code caseOf} are member ids (the case the
     * source is about: the reflection's author, the interviewee), or null.
     */
    public record Source(
            String sourceId,
            String name,
            String description,
            String text,
            String createdBy,
            Instant createdAt,
            String caseOf) {}

    /**
     * Codes given to a part of a source: {@code start} and {@code end} (exclusive) in Unicode code
     * points of the source's text, the code keys given, the member who gave them and when.
     */
    public record Coding(String sourceId, int start, int end, List<String> codes, String codedBy, Instant codedAt) {

        public Coding {
            codes = List.copyOf(codes);
        }

        /** The codes given to the whole of the text. */
        public static Coding whole(Source source, List<String> codes, String codedBy, Instant codedAt) {
            return new Coding(
                    source.sourceId(),
                    0,
                    source.text().codePointCount(0, source.text().length()),
                    codes,
                    codedBy,
                    codedAt);
        }
    }

    /**
     * What a project file holds: the project's title and description, the export's dates ({@code
     * stamp}, the latest recording it holds, dates the zip's entries so the same record gives the
     * same bytes), its members, codebook, sources and codings.
     */
    public record Project(
            String projectId,
            String title,
            String description,
            Instant registeredAt,
            PointInTime at,
            Instant stamp,
            List<Member> members,
            CodebookView codebook,
            List<Source> sources,
            List<Coding> codings) {}

    private QdpxProject() {}

    /** The GUID of the user and case of a member, or of a source, selection, coding or variable. */
    static String guid(String projectId, String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + "\u0000" + projectId + "\u0000" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static String userGuid(String projectId, Member member) {
        return guid(projectId, "user", member.key());
    }

    public static String sourceGuid(String projectId, String sourceId) {
        return guid(projectId, "source", sourceId);
    }

    /** The zip: {@code project.qde}, then each source's text as {@code sources/<guid>.txt}. */
    public static byte[] write(Project project) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            LocalDateTime stamp = LocalDateTime.ofInstant(project.stamp(), ZoneOffset.UTC);
            zip.putNextEntry(entry(PROJECT_FILE, stamp));
            zip.write(projectFile(project));
            zip.closeEntry();
            zip.putNextEntry(entry(SOURCES_FOLDER, stamp));
            zip.closeEntry();
            for (Source source : project.sources()) {
                zip.putNextEntry(
                        entry(SOURCES_FOLDER + sourceGuid(project.projectId(), source.sourceId()) + ".txt", stamp));
                zip.write(source.text().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ZipEntry entry(String name, LocalDateTime stamp) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(stamp);
        return entry;
    }

    /** The {@code project.qde}. */
    static byte[] projectFile(Project project) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String p = project.projectId();
        Map<String, Member> members = new LinkedHashMap<>();
        project.members().forEach(m -> members.put(m.memberId(), m));
        Map<String, String> codeGuids = QdcCodebook.exportedGuids(project.codebook());
        Map<String, List<Coding>> codings = new LinkedHashMap<>();
        for (Coding coding : project.codings()) {
            codings.computeIfAbsent(coding.sourceId(), s -> new ArrayList<>()).add(coding);
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("Project");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("name", project.title() == null ? p : project.title());
            xml.writeAttribute("origin", ORIGIN);
            if (project.registeredAt() != null) {
                xml.writeAttribute("creationDateTime", project.registeredAt().toString());
            }
            xml.writeAttribute("modifiedDateTime", project.stamp().toString());
            xml.writeCharacters("\n");

            if (!members.isEmpty()) {
                start(xml, "Users", 1);
                for (Member member : members.values()) {
                    empty(xml, "User", 2);
                    xml.writeAttribute("guid", userGuid(p, member));
                    xml.writeAttribute("name", member.name());
                    if (!member.withdrawn()) {
                        xml.writeAttribute("id", member.memberId());
                    }
                    xml.writeCharacters("\n");
                }
                end(xml, 1);
            }

            start(xml, "CodeBook", 1);
            QdcCodebook.writeCodes(xml, project.codebook(), 2);
            end(xml, 1);

            start(xml, "Variables", 1);
            for (String variable : VARIABLES) {
                empty(xml, "Variable", 2);
                xml.writeAttribute("guid", guid(p, "variable", variable));
                xml.writeAttribute("name", variable);
                xml.writeAttribute("typeOfVariable", "Text");
                xml.writeCharacters("\n");
            }
            end(xml, 1);

            if (!members.isEmpty()) {
                start(xml, "Cases", 1);
                for (Member member : members.values()) {
                    cases(xml, p, member, project.sources());
                }
                end(xml, 1);
            }

            if (!project.sources().isEmpty()) {
                start(xml, "Sources", 1);
                for (Source source : project.sources()) {
                    source(xml, p, source, codings.getOrDefault(source.sourceId(), List.of()), members, codeGuids);
                }
                end(xml, 1);
            }

            indent(xml, 1);
            xml.writeStartElement("Description");
            xml.writeCharacters(description(project));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the project could not be written as XML", e);
        }
        return out.toByteArray();
    }

    private static String description(Project project) {
        String about = project.description() == null ? "" : project.description() + "\n\n";
        return about + "Exported from " + ORIGIN + ": project " + project.projectId() + " as of "
                + project.at().asOf() + ", as the record stood at "
                + project.at().knownAt() + ".";
    }

    private static void cases(XMLStreamWriter xml, String p, Member member, List<Source> sources)
            throws XMLStreamException {
        open(xml, "Case", 2);
        xml.writeAttribute("guid", guid(p, "case", member.key()));
        xml.writeAttribute("name", member.name());
        xml.writeCharacters("\n");
        List<String> values = new ArrayList<>();
        values.add(member.role());
        values.add(member.primaryPerspective());
        values.add(member.phaseJoined());
        for (int i = 0; i < VARIABLES.size(); i++) {
            if (values.get(i) == null) {
                continue;
            }
            start(xml, "VariableValue", 3);
            empty(xml, "VariableRef", 4);
            xml.writeAttribute("targetGUID", guid(p, "variable", VARIABLES.get(i)));
            xml.writeCharacters("\n");
            indent(xml, 4);
            xml.writeStartElement("TextValue");
            xml.writeCharacters(values.get(i));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            end(xml, 3);
        }
        for (Source source : sources) {
            if (member.memberId().equals(source.caseOf())) {
                empty(xml, "SourceRef", 3);
                xml.writeAttribute("targetGUID", sourceGuid(p, source.sourceId()));
                xml.writeCharacters("\n");
            }
        }
        end(xml, 2);
    }

    private static void source(
            XMLStreamWriter xml,
            String p,
            Source source,
            List<Coding> codings,
            Map<String, Member> members,
            Map<String, String> codeGuids)
            throws XMLStreamException {
        String guid = sourceGuid(p, source.sourceId());
        open(xml, "TextSource", 2);
        xml.writeAttribute("guid", guid);
        xml.writeAttribute("name", source.name());
        xml.writeAttribute("plainTextPath", "internal://" + guid + ".txt");
        user(xml, "creatingUser", p, source.createdBy(), members);
        xml.writeAttribute("creationDateTime", source.createdAt().toString());
        xml.writeCharacters("\n");
        if (source.description() != null) {
            indent(xml, 3);
            xml.writeStartElement("Description");
            xml.writeCharacters(source.description());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        int length = source.text().codePointCount(0, source.text().length());
        for (Coding coding : codings) {
            if (coding.start() < 0 || coding.start() > coding.end() || coding.end() > length) {
                throw new IllegalStateException("a coding of " + source.sourceId() + " runs from " + coding.start()
                        + " to " + coding.end() + " in a text of " + length + " code points");
            }
            Set<String> guids = new LinkedHashSet<>();
            coding.codes().forEach(code -> {
                String codeGuid = codeGuids.get(code);
                if (codeGuid != null) {
                    guids.add(codeGuid);
                }
            });
            if (guids.isEmpty()) {
                continue;
            }
            String selection = guid(
                    p,
                    "selection",
                    source.sourceId() + "\u0000" + coding.start() + "\u0000" + coding.end() + "\u0000"
                            + coding.codedBy() + "\u0000" + coding.codedAt());
            open(xml, "PlainTextSelection", 3);
            xml.writeAttribute("guid", selection);
            xml.writeAttribute("startPosition", String.valueOf(coding.start()));
            xml.writeAttribute("endPosition", String.valueOf(coding.end()));
            user(xml, "creatingUser", p, coding.codedBy(), members);
            xml.writeAttribute("creationDateTime", coding.codedAt().toString());
            xml.writeCharacters("\n");
            for (String codeGuid : guids) {
                open(xml, "Coding", 4);
                xml.writeAttribute("guid", guid(p, "coding", selection + "\u0000" + codeGuid));
                user(xml, "creatingUser", p, coding.codedBy(), members);
                xml.writeAttribute("creationDateTime", coding.codedAt().toString());
                xml.writeCharacters("\n");
                empty(xml, "CodeRef", 5);
                xml.writeAttribute("targetGUID", codeGuid);
                xml.writeCharacters("\n");
                end(xml, 4);
            }
            end(xml, 3);
        }
        end(xml, 2);
    }

    /** The user attribute, when the member is one of the project's users (not one left out by a withdrawal). */
    private static void user(
            XMLStreamWriter xml, String attribute, String p, String memberId, Map<String, Member> members)
            throws XMLStreamException {
        Member member = memberId == null ? null : members.get(memberId);
        if (member != null) {
            xml.writeAttribute(attribute, userGuid(p, member));
        }
    }

    /** An element with no attributes, its content on the lines below. */
    private static void start(XMLStreamWriter xml, String name, int depth) throws XMLStreamException {
        open(xml, name, depth);
        xml.writeCharacters("\n");
    }

    /** An element whose attributes the caller writes next, then the end of the line. */
    private static void open(XMLStreamWriter xml, String name, int depth) throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
    }

    private static void empty(XMLStreamWriter xml, String name, int depth) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement(name);
    }

    private static void end(XMLStreamWriter xml, int depth) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("  ".repeat(depth));
    }
}
