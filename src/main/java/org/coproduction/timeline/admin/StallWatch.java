package org.coproduction.timeline.admin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coproduction.timeline.admin.api.ProjectionState;
import org.coproduction.timeline.admin.api.ProjectionStatus;
import org.coproduction.timeline.admin.api.SegmentStatus;
import org.coproduction.timeline.platform.axon.ProcessorPause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the read models this instance runs. One that has work (events between its position and
 * the store's head) and has not moved for {@code timeline.health.stall-after} (default two minutes)
 * is stalled: logged, counted in {@code timeline.projection.stalls{processor}}, reported DOWN by the
 * health endpoint ({@link ReadModelsHealth}) and restarted, here, without waiting for anyone; one
 * that does not even stop (wedged) is counted in {@code timeline.projection.wedged{processor}} and
 * stays DOWN until the instance is restarted. A read
 * model stopped on purpose (an import's pause, a bulk rebuild) is not watched, nor one whose
 * segments another instance holds: that instance watches it.
 */
@Component
public class StallWatch {

    static final String STALLS = "timeline.projection.stalls";
    static final String WEDGED = "timeline.projection.wedged";

    private static final Logger log = LoggerFactory.getLogger(StallWatch.class);

    private final ReadModels readModels;
    private final ProcessorPause pause;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration stallAfter;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, Instant> stalled = new ConcurrentHashMap<>();
    private final Map<String, Instant> wedged = new ConcurrentHashMap<>();

    /** A read model's position, and since when it has stood there with work to do. */
    private record Seen(long position, Instant since) {}

    StallWatch(
            ReadModels readModels,
            ProcessorPause pause,
            MeterRegistry registry,
            Clock clock,
            @Value("${timeline.health.stall-after:PT2M}") Duration stallAfter) {
        this.readModels = readModels;
        this.pause = pause;
        this.registry = registry;
        this.clock = clock;
        this.stallAfter = stallAfter;
    }

    @Scheduled(
            initialDelayString = "${timeline.health.check-every:PT10S}",
            fixedDelayString = "${timeline.health.check-every:PT10S}")
    public void check() {
        Instant now = clock.instant();
        for (ProjectionStatus status : readModels.all()) {
            String name = status.name();
            boolean watched = status.status() != ProjectionState.STOPPED
                    && status.lag() > 0
                    && status.segments().stream().anyMatch(SegmentStatus::claimedHere);
            Seen before = seen.get(name);
            if (!watched || before == null || before.position() != status.position()) {
                stalled.remove(name);
                if (watched) {
                    seen.put(name, new Seen(status.position(), now));
                } else {
                    seen.remove(name);
                }
                continue;
            }
            if (Duration.between(before.since(), now).compareTo(stallAfter) >= 0) {
                log.warn(
                        "Read model {} has stood at position {} for {} with {} events to handle: restarting its"
                                + " processor",
                        name,
                        status.position(),
                        Duration.between(before.since(), now),
                        status.lag());
                registry.counter(STALLS, "processor", name).increment();
                stalled.putIfAbsent(name, before.since());
                if (pause.restart(name) == ProcessorPause.Restart.WOULD_NOT_STOP) {
                    registry.counter(WEDGED, "processor", name).increment();
                    wedged.putIfAbsent(name, before.since());
                }
                seen.put(name, new Seen(status.position(), now));
            }
        }
    }

    /**
     * The read models found stalled at the last check, and those that would not stop to be restarted
     * (they stay so until the instance restarts: their processor reports itself stopping for good),
     * each with the moment it stopped moving.
     */
    public Map<String, Instant> stalled() {
        Map<String, Instant> all = new java.util.HashMap<>(stalled);
        all.putAll(wedged);
        return Map.copyOf(all);
    }
}
