package org.coproduction.timeline.platform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * What the jar's command-line entries (import, export, rebuild...) share: their arguments split into
 * words and {@code --options}, and the application started without a web server, demo loading or
 * console logging, so that only the command's own output reaches the terminal.
 */
public final class CommandLine {

    private CommandLine() {}

    /** The words of a command line ({@code import FILE}) and its {@code --options}, in order. */
    public record Arguments(List<String> words, List<String> options) {

        public static Arguments of(String[] args) {
            return new Arguments(
                    Arrays.stream(args).filter(a -> !a.startsWith("--")).toList(),
                    Arrays.stream(args).filter(a -> a.startsWith("--")).toList());
        }
    }

    /** Starts the application for a command; the options may override any Spring property. */
    public static ConfigurableApplicationContext start(Class<?> application, List<String> options) {
        // As arguments, not default properties: they must win over application.yml.
        String[] springArgs = Stream.concat(
                        options.stream(),
                        Stream.of("--timeline.demo.load-on-empty-store=false", "--logging.threshold.console=OFF"))
                .toArray(String[]::new);
        try {
            return new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(springArgs);
        } catch (RuntimeException e) {
            // The console log is off, and Spring Boot does not print what it has logged: say why here.
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            System.err.println("could not start: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            throw e;
        }
    }
}
