package org.coproduction.timeline.platform;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;

/** The file behind an embedded H2 datasource URL ({@code jdbc:h2:file:DIR/NAME;...} is {@code DIR/NAME.mv.db}). */
public final class H2File {

    private static final String PREFIX = "jdbc:h2:file:";

    private H2File() {}

    /** An embedded H2 store as the datasource settings name it: its file, and how to open it. */
    public record Configured(Path file, String url, String user, String password) {}

    /**
     * The H2 file the environment's datasource names, with its URL and credentials, for what opens
     * it before the pool does (start-up's guard, repair and compaction); empty for any other
     * database.
     */
    public static Optional<Configured> configured(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return of(url).map(file -> new Configured(
                file,
                url,
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", "")));
    }

    /** The database's file, if the URL names an H2 file (whether it exists yet or not). */
    public static Optional<Path> of(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(url.substring(PREFIX.length()).split(";", 2)[0] + ".mv.db"));
    }
}
