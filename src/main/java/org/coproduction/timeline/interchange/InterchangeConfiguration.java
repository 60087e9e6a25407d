package org.coproduction.timeline.interchange;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InterchangeConfiguration {

    /** Compiled once: every import line is checked against these. */
    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }
}
