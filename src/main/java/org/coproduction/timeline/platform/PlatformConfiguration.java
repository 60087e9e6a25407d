package org.coproduction.timeline.platform;

import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock and the id supplier: the only places the application asks the world for time or
 * randomness. Scheduled work (the read models' stall watch) is switched on here.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public Ids ids() {
        return prefix -> prefix + "-" + UUID.randomUUID();
    }
}
