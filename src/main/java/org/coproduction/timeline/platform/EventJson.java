package org.coproduction.timeline.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.coproduction.timeline.api.CanonicalInstant;

/**
 * The one JSON form of an event's data, shared by the event store and the interchange format:
 * instants as ISO-8601 strings, absent optional fields left out. Kept apart from the web layer's
 * mapper so that an HTTP setting can never change what is stored.
 */
public final class EventJson {

    private EventJson() {}

    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(
                        new SimpleModule("canonical-instants").addDeserializer(Instant.class, new CanonicalInstants()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * Reads an instant in the canonical form ({@code 2012-03-05T10:00:00Z}, what every stored event
     * has) without a formatter, and hands everything else to Jackson's own {@code InstantDeserializer},
     * so what is accepted, and how anything else is refused, does not change.
     */
    static final class CanonicalInstants extends StdScalarDeserializer<Instant> {

        CanonicalInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant canonical = CanonicalInstant.parse(parser.getText());
                if (canonical != null) {
                    return canonical;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
