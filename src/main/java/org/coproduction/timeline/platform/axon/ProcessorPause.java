package org.coproduction.timeline.platform.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stops this instance's event processors while a bulk append runs in one long transaction, and
 * starts them again afterwards. While such a transaction is open, every poll of the event store has
 * to step over its uncommitted rows, which slows the import, and on two cores processors still
 * catching up compete with the import for the cores ({@link #anyBusy()}). Stopping idle processors
 * waits for each coordinator's next poll, longer than a small import takes, so the importer pauses
 * them only for large files or while one is busy. Nested and concurrent pauses share one stop.
 *
 * <p>A processor can also be held stopped by name (a bulk rebuild feeds its handlers itself): a
 * pause leaves it alone, and letting it go starts it unless a pause is still in effect, whose end
 * then starts it.
 *
 * <p>Every wait for a processor to stop is bounded by {@code timeline.health.stop-within} (30 s): a
 * processor that an {@link Error} left wedged never completes its stop (see {@link HandlerErrors}),
 * and an unbounded wait would hang the import or the health check that asked, and every pause
 * after it.
 */
@Component
public class ProcessorPause {

    private static final Logger log = LoggerFactory.getLogger(ProcessorPause.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration stopWithin;
    private int holders;
    private final Set<String> held = new HashSet<>();

    @Autowired
    public ProcessorPause(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            @Value("${timeline.health.stop-within:PT30S}") Duration stopWithin) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.stopWithin = stopWithin;
    }

    public ProcessorPause(EventProcessingConfiguration processing, EventStore eventStore) {
        this(processing, eventStore, Duration.ofSeconds(30));
    }

    public <T> T during(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            release();
        }
    }

    /**
     * Whether a running processor of this instance is still handling earlier events (one of its
     * segments is behind the store's head): work beside it would share the cores with it.
     */
    public synchronized boolean anyBusy() {
        List<StreamingEventProcessor> running = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!held.contains(name)
                    && processor.isRunning()
                    && processor instanceof StreamingEventProcessor streaming) {
                running.add(streaming);
            }
        });
        TrackingToken headToken = running.isEmpty() ? null : eventStore.createHeadToken();
        if (headToken == null) {
            return false; // nothing running, or an empty store: nothing to be behind on
        }
        long head = headToken.position().orElse(0);
        return running.stream()
                .flatMap(processor -> processor.processingStatus().values().stream())
                .anyMatch(status -> status.getCurrentPosition().orElse(0) < head);
    }

    /** Stops the named processor and keeps it stopped, whatever pauses begin and end, until let go. */
    public synchronized void hold(String name) {
        held.add(name);
        processing.<EventProcessor>eventProcessor(name).ifPresent(EventProcessor::shutDown);
    }

    /** Lets a held processor go: started now, or at the end of the pause in effect. */
    public synchronized void letGo(String name) {
        if (held.remove(name) && holders == 0) {
            processing.<EventProcessor>eventProcessor(name).ifPresent(EventProcessor::start);
        }
    }

    /** What {@link #restart} did. */
    public enum Restart {
        /** Stopped and started again. */
        RESTARTED,
        /** Left alone: held, or stopped by a pause in effect (started again when that ends), or unknown. */
        LEFT_ALONE,
        /** It did not stop within the bound: only a restart of the instance starts it again. */
        WOULD_NOT_STOP
    }

    /**
     * Stops the named processor and starts it again, unless it is held or a pause is in effect (then
     * it is stopped on purpose, and started again when that ends).
     */
    public synchronized Restart restart(String name) {
        if (holders > 0 || held.contains(name)) {
            return Restart.LEFT_ALONE;
        }
        return processing
                .<EventProcessor>eventProcessor(name)
                .map(processor -> {
                    if (!stopped(name, processor.shutdownAsync(), deadline())) {
                        return Restart.WOULD_NOT_STOP;
                    }
                    processor.start();
                    return Restart.RESTARTED;
                })
                .orElse(Restart.LEFT_ALONE);
    }

    private long deadline() {
        return System.nanoTime() + stopWithin.toNanos();
    }

    /** Waits, until the deadline at most, for a processor's stop; answers whether it stopped. */
    private boolean stopped(String name, CompletableFuture<Void> stop, long deadline) {
        try {
            stop.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            log.error(
                    "Read model {} did not stop within {}: it is wedged, and only a restart of this instance"
                            + " starts it again",
                    name,
                    stopWithin);
            return false;
        } catch (ExecutionException e) {
            log.warn("Read model {} failed while stopping", name, e.getCause());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops them all at once: a processor takes a while to notice it should stop (its coordinator
     * finishes its current wait on the event store), and one after the other those waits added up
     * to about a second for three idle processors. One that does not stop within the bound is
     * wedged (it reads nothing), and the work goes on without it.
     */
    private synchronized void acquire() {
        if (holders++ == 0) {
            Map<String, CompletableFuture<Void>> stops = new LinkedHashMap<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (!held.contains(name)) {
                    stops.put(name, processor.shutdownAsync());
                }
            });
            long deadline = deadline();
            stops.forEach((name, stop) -> stopped(name, stop, deadline));
        }
    }

    /** Starts a processor; one still stopping (wedged) refuses, and stays down in the health check. */
    private static void start(String name, EventProcessor processor) {
        try {
            processor.start();
        } catch (IllegalStateException e) {
            log.error("Read model {} could not start again: {}", name, e.getMessage());
        }
    }

    private synchronized void release() {
        if (--holders == 0) {
            processing.eventProcessors().forEach((name, processor) -> {
                if (!held.contains(name)) {
                    start(name, processor);
                }
            });
        }
    }
}
