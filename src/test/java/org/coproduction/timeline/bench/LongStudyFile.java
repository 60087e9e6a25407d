package org.coproduction.timeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.timeline.demo.DemoProjectGenerator;

/**
 * {@code LongStudyFile FILE EVENTS [PROJECT]} writes one study of at least EVENTS events: demo
 * histories one after another in the same project, each four years after the one before and the
 * last at the demo's own dates, with its own ids (members, meetings, phases...) so every rule holds. Registration and
 * the codebook's definitions come from the first copy only and the closure from the last.
 */
public final class LongStudyFile {

    private static final Duration SHIFT = Duration.ofDays(4 * 366);
    private static final Set<String> ID_FIELDS = Set.of(
            "memberId",
            "meetingId",
            "contributionId",
            "decisionId",
            "influenceId",
            "reflectionId",
            "interviewId",
            "intervieweeId",
            "interviewerId",
            "authorId",
            "proposedBy",
            "codedBy",
            "changedBy",
            "sourceId",
            "phaseId");
    private static final Set<String> ID_LISTS = Set.of("attendees", "decidedBy", "authors");

    private LongStudyFile() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long wanted = Long.parseLong(args[1]);
        String projectId = args.length > 2 ? args[2] : "long-study";
        System.out.printf("wrote %d events of %s to %s%n", write(file, wanted, projectId), projectId, file);
    }

    static long write(Path file, long wanted, String projectId) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<ObjectNode> demo = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
        int copies = (int) Math.ceil((double) wanted / (demo.size() - 2));
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int copy = 0; copy < copies; copy++) {
                String prefix = "k" + copy + ".";
                // Earlier copies lie further in the past, so the last one ends when the demo does: all recorded by now.
                Duration shift = SHIFT.multipliedBy(copy - (copies - 1L));
                for (ObjectNode original : demo) {
                    String type = original.get("type").asText();
                    if (((type.equals("ProjectRegistered") || type.equals("CodeDefined")) && copy > 0)
                            || (type.equals("ProjectClosed") && copy < copies - 1)) {
                        continue;
                    }
                    ObjectNode line = original.deepCopy();
                    ObjectNode data = (ObjectNode) line.get("data");
                    data.put("projectId", projectId);
                    data.put("occurredAt", shifted(data.get("occurredAt").asText(), shift));
                    line.put("recordedAt", shifted(line.get("recordedAt").asText(), shift));
                    for (String field : ID_FIELDS) {
                        if (data.hasNonNull(field)) {
                            data.put(field, prefix + data.get(field).asText());
                        }
                    }
                    for (String field : ID_LISTS) {
                        if (data.has(field)) {
                            ArrayNode ids = mapper.createArrayNode();
                            data.get(field).forEach(id -> ids.add(prefix + id.asText()));
                            data.set(field, ids);
                        }
                    }
                    line.put(
                            "eventId",
                            UUID.nameUUIDFromBytes((projectId
                                                    + prefix
                                                    + original.get("eventId").asText())
                                            .getBytes(StandardCharsets.UTF_8))
                                    .toString());
                    out.write(mapper.writeValueAsString(line));
                    out.write('\n');
                    written++;
                }
            }
        }
        return written;
    }

    private static String shifted(String time, Duration shift) {
        Instant instant = time.length() == 10
                ? LocalDate.parse(time).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse(time);
        return instant.plus(shift).toString();
    }
}
