package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtcTest {

    @Test
    void givesTheSameDateTimeAsAtOffsetUtc() {
        for (Instant instant : List.of(
                Instant.parse("2021-01-11T09:00:00Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.EPOCH,
                Instant.parse("2012-03-05T00:00:00.000001Z"))) {
            assertThat(Utc.of(instant)).as("%s", instant).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
    }
}
