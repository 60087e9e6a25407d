package org.coproduction.timeline.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the UTC date-times the read models' {@code TIMESTAMP WITH TIME ZONE} columns take.
 * {@code instant.atOffset(UTC)} asks the offset for its rules, and on Java 17
 * {@code ZoneOffset.getRules()} builds a new {@code ZoneRules} each time: an allocation for every
 * date-time a read-model rebuild writes, for a conversion that needs no rules.
 */
public final class Utc {

    private Utc() {}

    public static OffsetDateTime of(Instant instant) {
        return OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }
}
