package org.coproduction.timeline.report.query;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the report says codes and times to a person: a code as words ("SERVICE_USER" as "Service
 * user", "CO_INVESTIGATOR" as "Co-investigator"), an instant as a date when it is a whole day and
 * otherwise to the minute in UTC ("2023-06-20 10:15 UTC"), never with seconds' fractions. The JSON
 * keeps codes and instants as they are: it is for machines.
 */
public final class ReportWords {

    private static final Map<String, String> WORDS = Map.of("CO_INVESTIGATOR", "Co-investigator");
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportWords() {}

    /** A code in words: its letters in lower case after the first, underscores as spaces. */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String known = WORDS.get(code);
        if (known != null) {
            return known;
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An enum constant in words, "" for null. */
    public static String words(Enum<?> code) {
        return code == null ? "" : words(code.name());
    }

    /** The date alone for midnight UTC, else the date and time to the minute, UTC; {@code otherwise} for null. */
    public static String when(Instant instant, String otherwise) {
        if (instant == null) {
            return otherwise;
        }
        return LocalTime.MIDNIGHT.equals(instant.atOffset(ZoneOffset.UTC).toLocalTime())
                ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : MINUTE.format(instant);
    }

    /** {@link #when(Instant, String)} for an instant that is there. */
    public static String when(Instant instant) {
        return when(instant, "");
    }
}
