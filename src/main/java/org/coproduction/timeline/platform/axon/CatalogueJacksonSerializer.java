package org.coproduction.timeline.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.coproduction.timeline.api.EventCatalogue;

/**
 * Jackson, storing catalogued events under their contract name and revision ("DecisionMade", "1")
 * instead of a Java class name, so moving or renaming a class never orphans stored events.
 *
 * <p>A catalogued type's class comes from the catalogue rather than from the class loader, and each
 * class's {@code ObjectReader} is made once: Axon's serializer asks the class loader and makes a
 * reader for every event it reads, each time for the same answer.
 */
public class CatalogueJacksonSerializer extends JacksonSerializer {

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public CatalogueJacksonSerializer(ObjectMapper mapper) {
        super(JacksonSerializer.builder().objectMapper(mapper));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return EventCatalogue.byClass(type)
                .<SerializedType>map(t -> new SimpleSerializedType(t.name(), Integer.toString(t.revision())))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    public Class classForType(SerializedType type) {
        return EventCatalogue.byName(type.getName())
                .<Class>map(EventCatalogue.EventType::javaType)
                .orElseGet(() -> super.classForType(type));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
