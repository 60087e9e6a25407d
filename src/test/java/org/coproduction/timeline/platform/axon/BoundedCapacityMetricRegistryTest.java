package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Capacity (the share of the window spent handling) over ten seconds: two seconds of handling read
 * 0.2 where Axon's ten minutes would read 0.0033, and handling older than the window no longer
 * counts, so the gauge keeps ten seconds of entries rather than ten minutes of them.
 */
@SpringBootTest
class BoundedCapacityMetricRegistryTest {

    private static final String PROCESSOR = "timeline";

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final BoundedCapacityMetricRegistry metrics = new BoundedCapacityMetricRegistry(meters);

    @Autowired
    GlobalMetricRegistry applicationMetrics;

    @Test
    void theApplicationsAxonMetricsAreTheBoundedOnes() {
        assertThat(applicationMetrics).isInstanceOf(BoundedCapacityMetricRegistry.class);
    }

    @Test
    void givenTwoSecondsOfHandling_thenTheProcessorsCapacityIsAFifthOfTheWindow() {
        processorHandlesAnEventForTwoSeconds();

        assertThat(capacity("eventProcessor.capacity")).isCloseTo(0.2, within(1e-9));
        assertThat(meters.get("eventProcessor.successCounter")
                        .tag("processorName", PROCESSOR)
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void givenHandlingLongerAgoThanTheWindow_thenItNoLongerCounts() {
        processorHandlesAnEventForTwoSeconds();

        clock.add(BoundedCapacityMetricRegistry.CAPACITY_WINDOW.plusSeconds(1));

        assertThat(capacity("eventProcessor.capacity")).isZero();
    }

    @Test
    void givenACommandHandledInOneSecond_thenTheCommandBusCapacityIsATenthOfTheWindow() {
        var monitor = metrics.registerCommandBus("commandBus", m -> Tags.of("processorName", PROCESSOR));

        MonitorCallback handling = monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("command"));
        clock.add(Duration.ofSeconds(1));
        handling.reportSuccess();

        assertThat(capacity("commandBus.capacity")).isCloseTo(0.1, within(1e-9));
    }

    private void processorHandlesAnEventForTwoSeconds() {
        var monitor = metrics.registerEventProcessor(
                "eventProcessor", m -> Tags.of("processorName", PROCESSOR), m -> Tags.of("processorName", PROCESSOR));
        MonitorCallback handling = monitor.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        clock.add(Duration.ofSeconds(2));
        handling.reportSuccess();
    }

    private double capacity(String name) {
        return meters.get(name).tag("processorName", PROCESSOR).gauge().value();
    }
}
