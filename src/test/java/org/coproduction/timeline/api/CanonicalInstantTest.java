package org.coproduction.timeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CanonicalInstantTest {

    @Test
    void readsTheCanonicalFormAsInstantParseDoes() {
        for (String text : List.of(
                "2012-03-05T10:00:00Z",
                "2024-02-29T23:59:59.999999999Z",
                "1969-12-31T23:59:59.5Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.123Z",
                "2012-03-05T10:00:00.000001Z")) {
            assertThat(CanonicalInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherTextToTheCallersFormatter() {
        for (String text : List.of(
                "2012-03-05",
                "2012-03-05T10:00Z",
                "2012-03-05T10:00:00+01:00",
                "2012-03-05T10:00:00.Z",
                "2012-03-05T10:00:00.1234567890Z",
                "2012-03-05t10:00:00Z",
                "2012-03-05T10:00:00z",
                " 2012-03-05T10:00:00Z",
                "+2012-03-05T10:00:00Z",
                "2012-3-05T10:00:00Z",
                "2012-03-05T10:0a:00Z",
                "2012-03-05T10:00:00.12a4Z",
                "20120305T100000Z")) {
            assertThat(CanonicalInstant.parse(text)).as(text).isNull();
        }
    }

    @Test
    void leavesDatesAndTimesOutOfRangeToTheCallersFormatter() {
        for (String text : List.of(
                "2023-02-29T10:00:00Z",
                "2012-13-01T10:00:00Z",
                "2012-00-01T10:00:00Z",
                "2012-04-31T10:00:00Z",
                "2012-03-05T24:00:00Z",
                "2012-03-05T10:60:00Z",
                "2016-12-31T23:59:60Z")) {
            assertThat(CanonicalInstant.parse(text)).as(text).isNull();
        }
        assertThatThrownBy(() -> Instant.parse("2023-02-29T10:00:00Z")).isInstanceOf(DateTimeException.class);
    }

    @Property(tries = 2_000)
    void readsBackWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(CanonicalInstant.parse(instant.toString())).isEqualTo(instant);
    }

    /** Canonical text with one character changed: read as Instant.parse reads it, or left to it (null). */
    @Property(tries = 5_000)
    void neverDisagreesWithInstantParse(@ForAll("nearlyCanonical") String text) {
        Instant fast = CanonicalInstant.parse(text);
        Instant standard;
        try {
            standard = Instant.parse(text);
        } catch (DateTimeException e) {
            standard = null;
        }
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(standard);
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(
                        Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos % 3 == 0 ? 0 : nanos)));
    }

    @Provide
    Arbitrary<String> nearlyCanonical() {
        return instants()
                .flatMap(instant -> Arbitraries.integers().between(0, 29).flatMap(at -> Arbitraries.of(
                                '0', '1', '2', '3', '5', '6', '9', '-', ':', '.', 'T', 'Z', 'x')
                        .map(c -> {
                            StringBuilder text = new StringBuilder(instant.toString());
                            if (at < text.length()) {
                                text.setCharAt(at, c);
                            }
                            return text.toString();
                        })));
    }
}
