package org.coproduction.timeline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.coproduction.timeline.api.EventCatalogue;
import org.coproduction.timeline.api.JournalEvent.ConsentWithdrawn;
import org.coproduction.timeline.api.ProjectEvent;
import org.coproduction.timeline.api.WithdrawalScope;
import org.coproduction.timeline.interchange.EventApprovalTest;
import org.coproduction.timeline.interchange.EventApprovalTest.Sample;
import org.coproduction.timeline.platform.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueJacksonSerializerTest {

    private final CatalogueJacksonSerializer serializer = new CatalogueJacksonSerializer(EventJson.newMapper());

    static Stream<Sample> samples() {
        return EventApprovalTest.samples();
    }

    static Stream<EventCatalogue.EventType> catalogue() {
        return EventCatalogue.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void storesEventUnderItsContractNameAndRevision(Sample sample) {
        SerializedType type = serializer.serialize(sample.event(), String.class).getType();

        assertThat(type.getName()).isEqualTo(sample.type().name()).doesNotContain(".");
        assertThat(type.getRevision()).isEqualTo(Integer.toString(sample.type().revision()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsStoredEventBackIntoEqualRecord(Sample sample) {
        SerializedObject<String> stored = serializer.serialize(sample.event(), String.class);

        ProjectEvent read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(sample.event());
    }

    /** The event store and the interchange format share one JSON form of an event's data. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void storesTheSameJsonAsTheInterchangeData(Sample sample) throws Exception {
        ObjectMapper mapper = EventJson.newMapper();
        SerializedObject<String> stored = serializer.serialize(sample.event(), String.class);

        assertThat(mapper.readTree(stored.getData())).isEqualTo(mapper.valueToTree(sample.event()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void resolvesContractNameToRecordClass(EventCatalogue.EventType type) {
        Class<?> resolved =
                serializer.classForType(new SimpleSerializedType(type.name(), Integer.toString(type.revision())));

        assertThat(resolved).isEqualTo(type.javaType());
    }

    /** A withdrawal stored before it had a scope (revision 1) reads as one of the words and name only. */
    @Test
    void readsAWithdrawalOfRevisionOneAsScopeText() {
        SerializedObject<String> stored = new SimpleSerializedObject<>(
                "{\"projectId\":\"p\",\"occurredAt\":\"2024-01-02T00:00:00Z\",\"memberId\":\"m\"}",
                String.class,
                new SimpleSerializedType("ConsentWithdrawn", "1"));

        ProjectEvent read = serializer.deserialize(stored);

        assertThat(read)
                .isEqualTo(new ConsentWithdrawn(
                        "p", java.time.Instant.parse("2024-01-02T00:00:00Z"), "m", WithdrawalScope.TEXT));
    }

    @Test
    void keepsClassNameOfTypesOutsideTheCatalogue() {
        SerializedType type = serializer.typeForClass(String.class);

        assertThat(type.getName()).isEqualTo("java.lang.String");
        assertThat(serializer.classForType(type)).isEqualTo(String.class);
    }
}
