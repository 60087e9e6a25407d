package org.coproduction.timeline.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * A projection that fails on an event fails its batch, which is rolled back and retried, rather
     * than Axon's default of logging the error and moving on: that would leave the read model
     * without the event for good, silently.
     */
    @Bean
    ConfigurerModule failedProjectionsRetry() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** An Error thrown by a read model's handler fails its event like an exception: {@link HandlerErrors}. */
    @Bean
    HandlerErrors handlerErrors() {
        return new HandlerErrors();
    }

    /** Axon's processor and command bus metrics, their capacity over seconds rather than minutes. */
    @Bean
    GlobalMetricRegistry boundedCapacityMetricRegistry(MeterRegistry registry) {
        return new BoundedCapacityMetricRegistry(registry);
    }
}
