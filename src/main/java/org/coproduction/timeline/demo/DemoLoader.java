package org.coproduction.timeline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coproduction.timeline.access.AccessBootstrap;
import org.coproduction.timeline.access.AccessBootstrap.DemoMember;
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
    private final AccessBootstrap accounts;
    private final String port;

    DemoLoader(
            JsonLinesImporter importer,
            JdbcTemplate jdbc,
            AccessBootstrap accounts,
            @Value("${server.port:8080}") String port) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.accounts = accounts;
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
                // Generated once: written to the file for the importer, and read for its members.
                List<ObjectNode> events = new DemoProjectGenerator(DemoProjectGenerator.DEFAULT_SEED).events();
                DemoProjectGenerator.write(events, file);
                ImportResult result = importer.importFile(file, ImportProgress.NONE);
                List<String> members = accounts.demoLoaded(DemoProjectGenerator.DEMO_PROJECT_ID, members(events));
                log.info(
                        "Demo project '{}' loaded: {} events. Open http://localhost:{}/ in a browser"
                                + " (the API: http://localhost:{}/api/projects and http://localhost:{}/swagger-ui.html)",
                        DemoProjectGenerator.DEMO_PROJECT_ID,
                        result.imported(),
                        port,
                        port,
                        port);
                if (!members.isEmpty()) {
                    log.info(
                            "Sign in as '{}' (site administrator) or as a demo member: '{}' coordinates the study,"
                                    + " and {} are its members; all with the password in {}",
                            accounts.createdAdmin().orElse(AccessBootstrap.INITIAL_ADMIN),
                            members.get(0),
                            members.subList(1, members.size()),
                            accounts.passwordFile().map(Object::toString).orElse("timeline.security.bootstrap-admin"));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The demo's members, the one leading it (its chief investigator, who coordinates the study
     * here) first, each once even when they left and rejoined; not those who withdrew consent (no
     * account keeps the name of someone who withdrew).
     */
    static List<DemoMember> members(List<ObjectNode> events) {
        Map<String, DemoMember> members = new LinkedHashMap<>();
        Set<String> withdrawn = new HashSet<>();
        for (ObjectNode line : events) {
            if ("ConsentWithdrawn".equals(line.path("type").asText())) {
                withdrawn.add(line.path("data").path("memberId").asText());
            }
            if (!"MemberJoined".equals(line.path("type").asText())) {
                continue;
            }
            JsonNode data = line.path("data");
            String memberId = data.path("memberId").asText();
            boolean leads = "CHIEF_INVESTIGATOR".equals(data.path("role").asText());
            members.putIfAbsent(
                    memberId, new DemoMember(memberId, data.path("name").asText(), leads));
        }
        return members.values().stream()
                .filter(m -> !withdrawn.contains(m.memberId()))
                .sorted(Comparator.comparing((DemoMember m) -> !m.coordinator()))
                .toList();
    }
}
