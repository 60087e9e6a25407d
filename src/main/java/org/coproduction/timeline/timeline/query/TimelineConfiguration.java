package org.coproduction.timeline.timeline.query;

import org.axonframework.eventhandling.async.FullConcurrencyPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    /** The timeline's rows do not depend on event order; see {@link TimelineProjection}. */
    @Bean(TimelineProjection.SEQUENCING_POLICY)
    SequencingPolicy<?> timelineSequencingPolicy() {
        return new FullConcurrencyPolicy();
    }
}
