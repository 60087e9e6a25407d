package org.coproduction.timeline.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own on the tests' class path, for what a test must kill or let die (SIGKILL, halt):
 * this JVM's java, the given JVM options, the main class and its arguments, both output streams
 * into one log file.
 */
public final class ChildJvm {

    private ChildJvm() {}

    public static Process start(List<String> jvmOptions, Class<?> main, List<String> arguments, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
