package org.coproduction.timeline.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.coproduction.timeline.admin.api.ProjectionState;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.coproduction.timeline.admin.api.RebuildProgress;
import org.coproduction.timeline.admin.api.SegmentStatus;
import org.coproduction.timeline.project.api.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models are the streaming event processors, whatever their number: their status and
 * their rebuild, without code per processor.
 *
 * <p>Positions are read from the token store, so they are the same in every instance and cover
 * segments claimed elsewhere; this instance adds what only it knows (the position of a batch just
 * handled, an error).
 *
 * <p>A rebuild stops the processor here, resets its tokens ({@code @ResetHandler}s clear the
 * tables; Axon does it in one transaction with the token updates) and starts it again. Axon claims
 * every segment's token for the reset: when another instance holds a claim on one (it runs the same
 * processor), the reset fails before anything is cleared, and the rebuild is refused with a
 * conflict naming that instance and the processor is started again. With several instances, stop
 * the processor (or the instance) elsewhere first, or wait until its claims lapse. The other
 * instances' processors take their share of the segments again once they are released.
 */
@Component
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    /** A rebuild this instance started: when, and the position the processor started from. */
    private record Rebuild(long startedNanos, long fromPosition) {}

    private record StoredToken(int segment, TrackingToken token, String owner) {}

    public ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The names of the read models, in alphabetical order. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public List<ProjectionStatus> all() {
        long head = head();
        return names().stream().map(name -> status(name, processor(name), head)).toList();
    }

    /** The status of one read model; 404 for an unknown name. */
    public ProjectionStatus status(String name) {
        return status(name, processor(name), head());
    }

    /** The highest global index in the event store, 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The events between the event store's head and the read model's position. */
    public long lag(String name) {
        return status(name).lag();
    }

    /**
     * Clears the read model and replays every event into it; returns once it runs again, before the
     * replay is done. 404 for an unknown name; 409 while it is already rebuilding or when another
     * instance holds a claim on one of its segments.
     */
    public synchronized ProjectionStatus rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw RuleViolationException.conflict("name", name + " has handlers that cannot be reset");
        }
        ProjectionStatus before = status(name, processor, head());
        if (before.status() == ProjectionState.REBUILDING) {
            throw RuleViolationException.conflict(
                    "name",
                    name + " is already rebuilding ("
                            + Math.round(before.progress().fraction() * 100) + "% done)");
        }
        log.info("Rebuilding read model {} from position {}", name, before.position());
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw RuleViolationException.conflict(
                    "name",
                    name + " runs in another instance too, which holds a segment (" + e.getMessage()
                            + "); stop it there before rebuilding");
        }
        rebuilds.put(name, new Rebuild(System.nanoTime(), 0));
        processor.start();
        return status(name);
    }

    private StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> RuleViolationException.notFound(
                        "name", "no read model is called " + name + "; there are " + String.join(", ", names())));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<SegmentStatus> segments = new ArrayList<>();
        for (StoredToken stored : storedTokens(name)) {
            EventTrackerStatus here = local.get(stored.segment());
            long position = position(stored.token());
            long resetPosition = stored.token() instanceof ReplayToken replay ? position(replay.getTokenAtReset()) : 0;
            String error = null;
            if (here != null) {
                position = Math.max(position, here.getCurrentPosition().orElse(0));
                error = here.isErrorState() ? String.valueOf(here.getError()) : null;
            }
            // Axon ends a replay at the first event after the reset position, so a caught-up segment
            // of a quiet store would replay for ever: it is done once it reaches that position.
            boolean replaying = position < resetPosition;
            segments.add(new SegmentStatus(stored.segment(), position, replaying, stored.owner(), here != null, error));
        }
        long position =
                segments.stream().mapToLong(SegmentStatus::position).min().orElse(0);
        ProjectionState state = state(processor, segments);
        RebuildProgress progress = state == ProjectionState.REBUILDING ? progress(name, position, head) : null;
        if (state != ProjectionState.REBUILDING) {
            rebuilds.remove(name);
        }
        return new ProjectionStatus(
                name, state, position, head, Math.max(0, head - position), segments.size(), segments, progress);
    }

    private static ProjectionState state(StreamingEventProcessor processor, List<SegmentStatus> segments) {
        if (processor.isError() || segments.stream().anyMatch(s -> s.error() != null)) {
            return ProjectionState.ERROR;
        }
        if (segments.stream().anyMatch(SegmentStatus::replaying)) {
            return ProjectionState.REBUILDING;
        }
        return processor.isRunning() ? ProjectionState.RUNNING : ProjectionState.STOPPED;
    }

    private RebuildProgress progress(String name, long position, long head) {
        double fraction = head == 0 ? 1 : Math.min(1, (double) position / head);
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null) {
            return new RebuildProgress(fraction, null, null);
        }
        double seconds = (System.nanoTime() - rebuild.startedNanos()) / 1e9;
        return new RebuildProgress(fraction, seconds, (position - rebuild.fromPosition()) / seconds);
    }

    /** Every segment's token as stored, read without claiming it (TokenStore.fetchToken would claim). */
    private List<StoredToken> storedTokens(String name) {
        return jdbc.query(
                "SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, row) -> new StoredToken(
                        rs.getInt("segment"),
                        token(rs.getBytes("token"), rs.getString("token_type")),
                        rs.getString("owner")),
                name);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}
