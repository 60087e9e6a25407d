package org.coproduction.timeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.coproduction.timeline.demo.DemoProjectGenerator;

/**
 * Writes benchmark input: {@code BenchFiles FILE EVENTS} writes demo-like studies (each from its
 * own seed, under its own project id and event ids) until the file holds at least EVENTS lines.
 */
public final class BenchFiles {

    private BenchFiles() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long wanted = Long.parseLong(args[1]);
        System.out.printf("wrote %d events to %s%n", write(file, wanted), file);
    }

    static long write(Path file, long wanted) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int study = 0; written < wanted; study++) {
                String projectId = study == 0 ? DemoProjectGenerator.DEMO_PROJECT_ID : "study-" + study;
                for (ObjectNode line : new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED + study).events()) {
                    ((ObjectNode) line.get("data")).put("projectId", projectId);
                    line.put(
                            "eventId",
                            UUID.nameUUIDFromBytes(
                                            (projectId + line.get("eventId").asText()).getBytes(StandardCharsets.UTF_8))
                                    .toString());
                    out.write(mapper.writeValueAsString(line));
                    out.write('\n');
                    written++;
                }
            }
        }
        return written;
    }
}
