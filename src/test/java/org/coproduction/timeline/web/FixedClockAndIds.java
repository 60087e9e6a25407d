package org.coproduction.timeline.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.coproduction.timeline.platform.Ids;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The clock and id supplier for adapter tests: requests without {@code occurredAt} happen at
 * {@link #NOW}, and a generated identifier is its prefix followed by {@code -1}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockAndIds {

    public static final Instant NOW = Instant.parse("2024-06-01T09:30:00Z");

    public static String generatedId(String prefix) {
        return prefix + "-1";
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    Ids ids() {
        return FixedClockAndIds::generatedId;
    }
}
