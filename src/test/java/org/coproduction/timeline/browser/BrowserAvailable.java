package org.coproduction.timeline.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where Chromium and its driver are installed. On a developer machine
 * without them the tests are skipped with a message saying how to get them; under CI (the {@code
 * CI} environment variable set, as {@code .ci/run} does) a missing browser fails the tests
 * instead, so they can never pass there by not running.
 */
final class BrowserAvailable implements ExecutionCondition {

    static final String INSTALL = "apt-get install chromium chromium-driver";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver found");
        }
        String message = "Browser tests need " + missing.get() + "; install them with `" + INSTALL + "`";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message + " (CI is set, so this is a failure, not a skip)");
        }
        return ConditionEvaluationResult.disabled("SKIPPED: " + message);
    }

    static Path chromium() {
        return Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    }

    private static Optional<String> missing() {
        if (!Files.isExecutable(chromium())) {
            return Optional.of("Chromium at " + chromium());
        }
        if (!Files.isExecutable(chromedriver())) {
            return Optional.of("ChromeDriver at " + chromedriver());
        }
        return Optional.empty();
    }
}
