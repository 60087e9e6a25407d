package org.coproduction.timeline.bench;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.coproduction.timeline.TimelineApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code RebuildBench DATA_DIR [PROCESSOR]} opens an existing store, resets the processor
 * (default {@code timeline}) and times its replay to the head of the event store.
 */
public final class RebuildBench {

    private RebuildBench() {}

    public static void main(String[] args) throws Exception {
        String processorName = args.length > 1 ? args[1] : "timeline";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                        "--timeline.data-dir=" + args[0], "--timeline.demo.load-on-empty-store=false"),
                                java.util.Arrays.stream(args).skip(2))
                        .toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            StreamingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(processorName, StreamingEventProcessor.class)
                    .orElseThrow();
            long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            Processors.awaitPosition(processor, head, Duration.ofMinutes(30));
            processor.shutDown();
            processor.resetTokens();
            long start = System.nanoTime();
            processor.start();
            Processors.awaitPosition(processor, head, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(
                    "rebuild %s: %d events in %.2f s = %.0f events/s (max heap %d MB)%n",
                    processorName, events, seconds, events / seconds, runtime.maxMemory() >> 20);
        }
    }
}
