package org.coproduction.timeline.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code timeline.projection.lag{processor}}: the events each read model is behind the event store's
 * head, read from the token store at each scrape, so it is the same in every instance. Registered
 * once the application is ready, when Axon has built its processors.
 */
@Component
class ProjectionMetrics {

    static final String LAG = "timeline.projection.lag";

    private final ReadModels readModels;
    private final MeterRegistry registry;

    ProjectionMetrics(ReadModels readModels, MeterRegistry registry) {
        this.readModels = readModels;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : readModels.names()) {
            Gauge.builder(LAG, readModels, models -> models.lag(name))
                    .tag("processor", name)
                    .baseUnit("events")
                    .description("events in the event store that the read model has not handled yet")
                    .register(registry);
        }
    }
}
