package org.coproduction.timeline.platform;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off H2's value cache ({@code h2.objectCache}) unless the JVM was given it: H2 looks every
 * text value it decodes from a page up in a small shared cache to reuse equal instances, which
 * hashes and compares every string read: a cost to the database threads in every import and rebuild
 * that saves nothing here. Runs before anything opens H2, which reads the property once; no effect
 * on PostgreSQL. Also pins the data folder ({@link #pinDataDir}).
 */
public class H2Settings implements EnvironmentPostProcessor {

    static final String OBJECT_CACHE = "h2.objectCache";

    static final String PINNED = "timelinePinnedDataDir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(OBJECT_CACHE) == null) {
            System.setProperty(OBJECT_CACHE, "false");
        }
        pinDataDir(environment);
    }

    /**
     * Resolves {@code timeline.data-dir} once, for every part that opens the H2 file before and
     * after the pool does (the migration guard, the crash repair, the import marker): a data folder
     * named from {@code ${random.uuid}}, as each test context's is, would otherwise be a new folder
     * at every reading.
     */
    static void pinDataDir(ConfigurableEnvironment environment) {
        String dataDir = environment.getProperty("timeline.data-dir");
        if (dataDir != null && !environment.getPropertySources().contains(PINNED)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(PINNED, Map.of("timeline.data-dir", dataDir)));
        }
    }
}
