package org.coproduction.timeline.platform.axon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each read model's processor has read the event store: the global index up to which its
 * tables hold every event, segment by segment.
 *
 * <p>A segment's position is its token as stored (committed with the tables' rows, so the same in
 * every instance) or, for a segment this instance holds, this instance's later position: Axon
 * advances a segment past events its read model does not handle at once in memory, but stores that
 * token only at its next batch or claim extension (every 5 s). So a segment held here is exact; one
 * held elsewhere (or by no one) is exact for the events it handles, and may trail by up to 5 s of
 * events it does not. A project's events are all handled by one segment, so for a project's
 * question the stored token of that segment is exact.
 */
@Component
public class ReadModelPositions {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ReadModelPositions(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * One segment of a read model: its token as stored, the instance holding it, and this instance's
     * status of it (null when held elsewhere or by no one).
     */
    public record StoredSegment(int segment, TrackingToken stored, String owner, EventTrackerStatus here) {

        /** The highest global index the segment has handled (0 before the first). */
        public long position() {
            long position = ReadModelPositions.position(stored);
            return here == null
                    ? position
                    : Math.max(position, here.getCurrentPosition().orElse(0));
        }
    }

    /** The highest global index in the event store, 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * The read model's segments as the token store holds them (read without claiming them, which
     * TokenStore.fetchToken would), with this instance's status of each.
     */
    public List<StoredSegment> segments(String name) {
        Map<Integer, EventTrackerStatus> local =
                processor(name).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        return segments(name, local);
    }

    private List<StoredSegment> segments(String name, Map<Integer, EventTrackerStatus> local) {
        return jdbc.query(
                "SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, row) -> new StoredSegment(
                        rs.getInt("segment"),
                        token(rs.getBytes("token"), rs.getString("token_type")),
                        rs.getString("owner"),
                        local.get(rs.getInt("segment"))),
                name);
    }

    /**
     * The global index up to which the read model holds every event (of the project, when one is
     * given): the lowest of its segments' positions, or the position of the one segment that handles
     * the project's events (Axon's default sequencing policy keeps a project's events on one segment).
     * Read from this instance's status alone, without the token store, when this instance holds the
     * segments concerned and each has a position.
     */
    public long position(String name, String projectId) {
        Map<Integer, EventTrackerStatus> local =
                processor(name).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (projectId != null) {
            for (EventTrackerStatus status : local.values()) {
                if (status.getSegment().matches(projectId)
                        && status.getCurrentPosition().isPresent()) {
                    return status.getCurrentPosition().getAsLong();
                }
            }
            List<StoredSegment> all = segments(name, local);
            int[] ids = all.stream().mapToInt(StoredSegment::segment).toArray();
            return all.stream()
                    .filter(s -> Segment.computeSegment(s.segment(), ids).matches(projectId))
                    .mapToLong(StoredSegment::position)
                    .min()
                    .orElse(0);
        }
        double covered = 0;
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : local.values()) {
            OptionalLong position = status.getCurrentPosition();
            if (position.isEmpty()) {
                covered = -1;
                break;
            }
            covered += 1.0 / (status.getSegment().getMask() + 1);
            lowest = Math.min(lowest, position.getAsLong());
        }
        if (covered >= 1) {
            return lowest;
        }
        return segments(name, local).stream()
                .mapToLong(StoredSegment::position)
                .min()
                .orElse(0);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    /** The global index a token has reached, 0 for none. */
    public static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}
