package org.coproduction.timeline.interchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.timeline.demo.DemoProjectGenerator;

/**
 * Interchange files that move between projects: demo studies under project ids of their own,
 * interleaved block by block, so that an import returns to a project after working on another.
 */
public final class InterleavedStudies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InterleavedStudies() {}

    /** The demo study under another project id and event ids of its own (as the benchmark files do). */
    public static List<String> study(String projectId, int seed) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ObjectNode line : new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED + seed).events()) {
            ((ObjectNode) line.get("data")).put("projectId", projectId);
            line.put(
                    "eventId",
                    UUID.nameUUIDFromBytes((projectId + line.get("eventId").asText()).getBytes(StandardCharsets.UTF_8))
                            .toString());
            lines.add(JSON.writeValueAsString(line));
        }
        return lines;
    }

    /** The first study's first block, the second's, then the rest of each in turn, block by block. */
    public static List<String> interleave(List<String> first, List<String> second, int block) {
        List<String> lines = new ArrayList<>();
        for (int from = 0; from < Math.max(first.size(), second.size()); from += block) {
            lines.addAll(first.subList(Math.min(from, first.size()), Math.min(from + block, first.size())));
            lines.addAll(second.subList(Math.min(from, second.size()), Math.min(from + block, second.size())));
        }
        return lines;
    }
}
