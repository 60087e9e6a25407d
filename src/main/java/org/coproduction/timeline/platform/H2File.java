package org.coproduction.timeline.platform;

import java.nio.file.Path;
import java.util.Optional;

/** The file behind an embedded H2 datasource URL ({@code jdbc:h2:file:DIR/NAME;...} is {@code DIR/NAME.mv.db}). */
public final class H2File {

    private static final String PREFIX = "jdbc:h2:file:";

    private H2File() {}

    /** The database's file, if the URL names an H2 file (whether it exists yet or not). */
    public static Optional<Path> of(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(url.substring(PREFIX.length()).split(";", 2)[0] + ".mv.db"));
    }
}
