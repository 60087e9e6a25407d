package org.coproduction.timeline.report.query;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.coproduction.timeline.report.api.LifecycleReport;

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
    /** A figure to two decimals. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * A period's end as a reader wants it: its date, or the project's closure for the last phase of a
     * closed project (the phase ran until then), or "open" while it still runs.
     */
    public static String until(Instant end, Instant closedAt) {
        return when(end, closedAt == null ? "open" : when(closedAt) + " (closure)");
    }
    /** Each influencer by name with the kinds of their influence: "Ann: Proposed, Shaped; Bo: Voted". */
    public static String influencers(List<LifecycleReport.ReportInfluencer> influencers) {
        return influencers.stream()
                .map(i -> (i.name() == null ? i.memberId() : i.name()) + ": "
                        + i.kinds().stream().map(ReportWords::words).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
