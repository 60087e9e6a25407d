package org.coproduction.timeline.report.api;

import java.util.Locale;
import org.coproduction.timeline.api.InvalidFieldException;

/** Which GRIPP2 checklist a report prints: the short form (the default) or the long form. */
public enum Gripp2Form {
    SHORT,
    LONG;

    /** The {@code gripp2} parameter: short (when absent) or long; anything else is refused. */
    public static Gripp2Form parse(String value) {
        if (value == null || value.isBlank()) {
            return SHORT;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "short" -> SHORT;
            case "long" -> LONG;
            default -> throw new InvalidFieldException("gripp2", "must be short or long");
        };
    }
}
