package org.coproduction.timeline.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.coproduction.timeline.project.api.EventCatalogue;

/**
 * Jackson, storing catalogued events under their contract name and revision ("DecisionMade", "1")
 * instead of a Java class name, so moving or renaming a class never orphans stored events.
 */
public class CatalogueJacksonSerializer extends JacksonSerializer {

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
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalogue.byName(serializedType.getName())
                .map(t -> t.javaType().getName())
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
