package org.coproduction.timeline.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.coproduction.timeline.api.InvalidFieldException;
import org.coproduction.timeline.api.PointInTime;
import org.junit.jupiter.api.Test;

class TimeTravelTest {

    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
    private final TimeTravel time = new TimeTravel(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenNeitherTime_thenBothAreTheSameNow() {
        assertThat(time.at(null, " ")).isEqualTo(PointInTime.now(NOW));
    }

    @Test
    void givenADateAndAnInstant_thenTheDateIsItsStartInUtcAndTheOtherDefaultsToNow() {
        assertThat(time.at("2023-01-02", null)).isEqualTo(new PointInTime(Instant.parse("2023-01-02T00:00:00Z"), NOW));
        assertThat(time.at(null, "2023-01-02T10:00:00+01:00"))
                .isEqualTo(new PointInTime(NOW, Instant.parse("2023-01-02T09:00:00Z")));
    }

    @Test
    void givenATimeThatIsNotOne_thenTheRefusalNamesItsField() {
        assertThatThrownBy(() -> time.at("2023-01-02", "last tuesday"))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("knownAt");
        assertThatThrownBy(() -> time.knownAt("2023-13-40"))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("knownAt");
    }
}
