package org.coproduction.timeline.report.query;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log, sent to SLF4J rather than printed on standard error (where the command
 * line's progress goes) under loggers named {@code com.openhtmltopdf.<where>}. Its INFO is timing
 * chatter and its style-sheet warnings name the browser-only properties of the page's own CSS, which
 * it ignores as intended, so both are logged at DEBUG.
 */
final class PdfLog implements XRLogger {

    private static final String CSS_PARSE = "com.openhtmltopdf.css-parse";

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue() && !CSS_PARSE.equals(where)) {
            logger.warn(message, error);
        } else if (value >= Level.CONFIG.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String where, Level level) {
        // Levels are SLF4J's to set (logging.level.com.openhtmltopdf...).
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
    }
}
