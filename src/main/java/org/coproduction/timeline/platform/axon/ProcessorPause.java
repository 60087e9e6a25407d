package org.coproduction.timeline.platform.axon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Stops this instance's event processors while a bulk append runs in one long transaction, and
 * starts them again afterwards. While such a transaction is open, every poll of the event store
 * has to step over its uncommitted rows (storing 100,000 events took 10.9 s with the processors
 * polling and 8.6 s without), and on two cores processors still catching up compete with the
 * import for the cores ({@link #anyBusy()}). Stopping idle processors takes about half a second,
 * so the importer pauses them only for large files or while one is busy. Nested and concurrent
 * pauses share one stop.
 *
 * <p>A processor can also be held stopped by name (a bulk rebuild feeds its handlers itself): a
 * pause leaves it alone, and letting it go starts it unless a pause is still in effect, whose end
 * then starts it.
 */
@Component
public class ProcessorPause {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private int holders;
    private final Set<String> held = new HashSet<>();

    public ProcessorPause(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
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

    /**
     * Stops the named processor and starts it again, unless it is held or a pause is in effect (then
     * it is stopped on purpose, and started again when that ends). Answers whether it was restarted.
     */
    public synchronized boolean restart(String name) {
        if (holders > 0 || held.contains(name)) {
            return false;
        }
        return processing
                .<EventProcessor>eventProcessor(name)
                .map(processor -> {
                    processor.shutDown();
                    processor.start();
                    return true;
                })
                .orElse(false);
    }

    /**
     * Stops them all at once: a processor takes a while to notice it should stop (its coordinator
     * finishes its current wait on the event store), and one after the other those waits added up
     * to about a second for three idle processors.
     */
    private synchronized void acquire() {
        if (holders++ == 0) {
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (!held.contains(name)) {
                    stops.add(processor.shutdownAsync());
                }
            });
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        }
    }

    private synchronized void release() {
        if (--holders == 0) {
            processing.eventProcessors().forEach((name, processor) -> {
                if (!held.contains(name)) {
                    processor.start();
                }
            });
        }
    }
}
