package org.coproduction.timeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    record Stamped(Instant at) {}

    /** What the mapper read instants with before it had its own deserializer. */
    private final ObjectMapper jackson = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private final ObjectMapper eventJson = EventJson.newMapper();

    @Test
    void readsInstantsAsJacksonsOwnDeserializerDoes() throws Exception {
        for (String value : List.of(
                "\"2012-03-05T10:00:00Z\"",
                "\"2012-03-05T10:00:00.123456789Z\"",
                "\"2012-03-05T10:00:00+01:00\"",
                "1330941600",
                "1330941600.5",
                "\"1330941600\"",
                "null")) {
            String json = "{\"at\":" + value + "}";
            assertThat(eventJson.readValue(json, Stamped.class))
                    .as(json)
                    .isEqualTo(jackson.readValue(json, Stamped.class));
        }
    }

    @Test
    void refusesWhatJacksonsOwnDeserializerRefuses() {
        for (String value : List.of(
                "\"2012-03-05T10:00Z\"",
                "\"2023-02-29T10:00:00Z\"",
                "\"2012-03-05T25:00:00Z\"",
                "\"yesterday\"",
                "true")) {
            String json = "{\"at\":" + value + "}";
            Throwable ours = catchThrowable(() -> eventJson.readValue(json, Stamped.class));
            Throwable theirs = catchThrowable(() -> jackson.readValue(json, Stamped.class));
            assertThat(ours).as(json).isNotNull().hasSameClassAs(theirs);
        }
    }
}
