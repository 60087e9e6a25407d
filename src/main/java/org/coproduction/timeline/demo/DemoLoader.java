package org.coproduction.timeline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
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
 *
 * <p>The study is the resource {@link #RESOURCE}: JSON Lines in the v1 interchange format, gzipped,
 * written by the test tree's {@code DemoProjectGenerator} from its default seed (and held equal to
 * it by {@code DemoResourceTest}; {@code scripts/demo-resource} writes it again).
 */
@Component
@ConditionalOnProperty(name = "timeline.demo.load-on-empty-store", havingValue = "true")
class DemoLoader {

    /** The demo study's project. */
    static final String PROJECT_ID = "peer-worker-study";

    /** The demo study on the classpath, gzipped JSON Lines. */
    static final String RESOURCE = "demo/" + PROJECT_ID + ".jsonl.gz";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
                // Unpacked for the importer, which reads a file, and read again for the members.
                try (InputStream in = open()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                ImportResult result = importer.importFile(file, ImportProgress.NONE);
                List<String> members = accounts.demoLoaded(PROJECT_ID, members(file));
                log.info(
                        "Demo project '{}' loaded: {} events. Open http://localhost:{}/ in a browser"
                                + " (the API: http://localhost:{}/api/projects and http://localhost:{}/swagger-ui.html)",
                        PROJECT_ID,
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

    /** The demo study's JSON Lines, unpacked. */
    static InputStream open() throws IOException {
        InputStream packed = DemoLoader.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (packed == null) {
            throw new IllegalStateException("The demo study " + RESOURCE + " is not on the classpath");
        }
        return new GZIPInputStream(packed);
    }

    /**
     * The demo's members, the one leading it (its chief investigator, who coordinates the study
     * here) first, each once even when they left and rejoined; not those who withdrew consent (no
     * account keeps the name of someone who withdrew).
     */
    static List<DemoMember> members(Path file) throws IOException {
        Map<String, DemoMember> members = new LinkedHashMap<>();
        Set<String> withdrawn = new HashSet<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                JsonNode line = MAPPER.readTree(text);
                JsonNode data = line.path("data");
                String type = line.path("type").asText();
                if ("ConsentWithdrawn".equals(type)) {
                    withdrawn.add(data.path("memberId").asText());
                }
                if (!"MemberJoined".equals(type)) {
                    continue;
                }
                String memberId = data.path("memberId").asText();
                boolean leads = "CHIEF_INVESTIGATOR".equals(data.path("role").asText());
                members.putIfAbsent(
                        memberId, new DemoMember(memberId, data.path("name").asText(), leads));
            }
        }
        return members.values().stream()
                .filter(m -> !withdrawn.contains(m.memberId()))
                .sorted(Comparator.comparing((DemoMember m) -> !m.coordinator()))
                .toList();
    }
}
