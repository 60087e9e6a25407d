package org.coproduction.timeline.platform;

import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock and the id supplier: the only places the application asks the world for time or
 * randomness. Scheduled work (the read models' stall watch) is switched on here, the one set of
 * schema migrations is given its database's placeholders ({@link SchemaMigrations}), and schema
 * migrations of an H2 file are made all or nothing ({@link H2MigrationGuard}).
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
    public FlywayConfigurationCustomizer schemaMigrationPlaceholders() {
        return SchemaMigrations::usePlaceholdersOfItsDatabase;
    }

    @Bean
    public FlywayMigrationStrategy flywayMigrationStrategy(Environment environment, Durability durability) {
        return H2MigrationGuard.strategy(environment.getProperty("spring.datasource.url"), durability);
    }

    @Bean
    @ConditionalOnMissingBean
    public Ids ids() {
        return prefix -> prefix + "-" + UUID.randomUUID();
    }
}
