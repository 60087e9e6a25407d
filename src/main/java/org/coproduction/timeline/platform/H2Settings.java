package org.coproduction.timeline.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off H2's value cache ({@code h2.objectCache}) unless the JVM was given it: H2 looks every
 * text value it decodes from a page up in a small shared cache to reuse equal instances, which
 * hashes and compares every string read. That was 7-19% of the database threads' samples in an
 * import and a rebuild (JFR) and saves nothing here. Runs before anything opens H2, which reads
 * the property once; no effect on PostgreSQL.
 */
public class H2Settings implements EnvironmentPostProcessor {

    static final String OBJECT_CACHE = "h2.objectCache";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(OBJECT_CACHE) == null) {
            System.setProperty(OBJECT_CACHE, "false");
        }
    }
}
