package org.coproduction.timeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coproduction.timeline.api.EventCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Every event type the store may hold has a lane on the timeline and a sentence of its own in
 * {@code js/events.js}: a type missing there is left out of the timeline's type filter, so its
 * events would not show (a try-out found the transcribed turns missing so).
 */
class EventsScriptTest {

    @Test
    void everyCatalogueTypeHasALaneAndASentence() throws IOException {
        String script = Files.readString(Path.of("src/main/resources/static/js/events.js"));
        String lanes = script.substring(script.indexOf("export const LANES"), script.indexOf("const LANE_OF"));

        for (EventCatalogue.EventType type : EventCatalogue.all()) {
            assertThat(lanes).as("a lane for %s", type.name()).contains("'" + type.name() + "'");
            assertThat(script).as("a sentence for %s", type.name()).contains("case '" + type.name() + "':");
        }
    }
}
