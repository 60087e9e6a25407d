package org.coproduction.timeline.bench;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waiting for event processors in the harnesses. */
final class Processors {

    private Processors() {}

    /** Waits until every segment of the processor has handled the event at {@code head}. */
    static void awaitPosition(StreamingEventProcessor processor, long head, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (position(processor) >= head) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(
                "processor did not reach " + head + " in " + timeout + ": " + processor.processingStatus());
    }

    /** A store just imported has its read models still building: waits for all of them to finish. */
    static void awaitAllAtHead(ConfigurableApplicationContext app) throws InterruptedException {
        long head = app.getBean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        for (EventProcessor processor : app.getBean(EventProcessingConfiguration.class)
                .eventProcessors()
                .values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                awaitPosition(streaming, head, Duration.ofMinutes(30));
            }
        }
    }

    /**
     * The position every segment has reached (the lowest), or -1 while a segment has none or no
     * segment is claimed yet.
     */
    static long position(StreamingEventProcessor processor) {
        var status = processor.processingStatus().values();
        if (status.isEmpty()) {
            return -1;
        }
        return status.stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
    }
}
