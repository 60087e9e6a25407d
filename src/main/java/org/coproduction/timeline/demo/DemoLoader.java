package org.coproduction.timeline.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coproduction.timeline.interchange.ImportProgress;
import org.coproduction.timeline.interchange.ImportResult;
import org.coproduction.timeline.interchange.JsonLinesImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo study into an empty store when the application is ready, through the ordinary
 * importer, so a first run shows a realistic project and exercises the interchange format.
 * {@code timeline.demo.load-on-empty-store=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "timeline.demo.load-on-empty-store", havingValue = "true")
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final JsonLinesImporter importer;
    private final JdbcTemplate jdbc;
    private final String port;

    DemoLoader(JsonLinesImporter importer, JdbcTemplate jdbc, @Value("${server.port:8080}") String port) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenStoreIsEmpty() {
        if (!jdbc.queryForList("SELECT 1 FROM domain_event_entry FETCH FIRST 1 ROWS ONLY")
                .isEmpty()) {
            return;
        }
        try {
            Path file = Files.createTempFile("demo-project-", ".jsonl");
            try {
                new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).writeTo(file);
                ImportResult result = importer.importFile(file, ImportProgress.NONE);
                log.info(
                        "Demo project '{}' loaded: {} events. Open http://localhost:{}/ in a browser"
                                + " (the API: http://localhost:{}/api/projects and http://localhost:{}/swagger-ui.html)",
                        DemoProjectGenerator.DEMO_PROJECT_ID,
                        result.imported(),
                        port,
                        port,
                        port);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
