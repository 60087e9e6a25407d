package org.coproduction.timeline.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The field rules of the interchange contract (identifiers, upper-case words, free text), checked
 * where a command is built so that every entry point refuses the same input with the same words.
 */
public final class Require {

    public static final int MAX_TEXT = 20_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern UPPER_WORD = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Require() {}

    public static String id(String field, String value) {
        present(field, value);
        if (!ID.matcher(value).matches()) {
            throw new InvalidFieldException(field, "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    public static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    public static List<String> ids(String field, List<String> values, boolean nonEmpty) {
        present(field, values);
        if (nonEmpty && values.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        for (int i = 0; i < values.size(); i++) {
            id(field + "[" + i + "]", values.get(i));
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new InvalidFieldException(field, "must not repeat an identifier");
        }
        return List.copyOf(values);
    }

    public static String upperWord(String field, String value) {
        present(field, value);
        if (!UPPER_WORD.matcher(value).matches() || value.length() > 64) {
            throw new InvalidFieldException(field, "must be an upper-case word such as SERVICE_USER");
        }
        return value;
    }

    public static List<String> upperWords(String field, List<String> values) {
        present(field, values);
        if (values.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        for (int i = 0; i < values.size(); i++) {
            upperWord(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    public static String text(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return optionalText(field, value);
    }

    public static String optionalText(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidFieldException(field, "must be at most " + MAX_TEXT + " characters");
        }
        if (value != null) {
            printable(field, value);
        }
        return value;
    }

    /**
     * Text a person could have typed: no control characters but tab and line breaks (they break the
     * PDF report and most readers), and no half of a surrogate pair (not a character at all).
     */
    private static void printable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            if (control) {
                throw new InvalidFieldException(
                        field, "must not hold control characters (U+%04X at position %d)".formatted((int) c, i + 1));
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidFieldException(
                        field, "must not hold half of a character (a lone surrogate at position %d)".formatted(i + 1));
            }
        }
    }

    /** A qualitative code: not blank, at most 200 characters, printable. */
    public static String code(String field, String value) {
        present(field, value);
        if (value.isBlank() || value.length() > 200) {
            throw new InvalidFieldException(field, "must be a non-blank code of at most 200 characters");
        }
        printable(field, value);
        return value;
    }

    public static List<String> codes(String field, List<String> values, boolean nonEmpty) {
        present(field, values);
        if (nonEmpty && values.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i);
            if (code == null || code.isBlank() || code.length() > 200) {
                throw new InvalidFieldException(
                        field + "[" + i + "]", "must be a non-blank code of at most 200 characters");
            }
            printable(field + "[" + i + "]", code);
        }
        return List.copyOf(values);
    }

    /**
     * A passage of a text in code points: {@code start} at least 0, {@code end} after it. Whether
     * {@code end} is within the text is checked where the text is opened.
     */
    public static void passage(String startField, Integer start, String endField, Integer end) {
        present(startField, start);
        present(endField, end);
        if (start < 0) {
            throw new InvalidFieldException(startField, "must be at least 0");
        }
        if (end <= start) {
            throw new InvalidFieldException(endField, "must be greater than " + startField + " (" + start + ")");
        }
    }

    /**
     * A date or instant sent to the API, held to the event schemas' form first (a four-digit year,
     * no more than nanoseconds), so whatever the API accepts exports and imports again. Lines of an
     * import are checked against the schemas already and read with {@link #occurredAt}.
     */
    public static Instant requestedTime(String field, String value) {
        present(field, value);
        if (!CONTRACT_TIME.matcher(value).matches()) {
            throw new InvalidFieldException(
                    field,
                    "must be a date like 2012-03-05 or an instant like 2012-03-05T10:00:00Z, with a four-digit year");
        }
        return occurredAt(field, value);
    }

    public static Instant occurredAt(String field, String value) {
        present(field, value);
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant canonical = CanonicalInstant.parse(value);
            return canonical != null ? canonical : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(
                    field, "must be a date like 2012-03-05 or an instant like 2012-03-05T10:00:00Z");
        }
    }

    /**
     * What the event schemas accept as a date or an instant (common.schema.json's "time"): a
     * four-digit year, so whatever the API accepts exports and imports again.
     */
    private static final java.util.regex.Pattern CONTRACT_TIME = java.util.regex.Pattern.compile(
            "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                    + "(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?");

    public static Instant time(String field, Instant value) {
        return present(field, value);
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    /**
     * The checks of one request, every one of them run: each answers the value as given when it is
     * wrong, and {@link #done()} then refuses the request naming every field at fault, not only the
     * first (a form with three mistakes is corrected in one go).
     */
    public static final class Fields {
        private final List<InvalidFieldException> wrong = new ArrayList<>();

        public String id(String field, String value) {
            return check(() -> Require.id(field, value), value);
        }

        public String optionalId(String field, String value) {
            return check(() -> Require.optionalId(field, value), value);
        }

        public List<String> ids(String field, List<String> values, boolean nonEmpty) {
            return check(() -> Require.ids(field, values, nonEmpty), values);
        }

        public String upperWord(String field, String value) {
            return check(() -> Require.upperWord(field, value), value);
        }

        public List<String> upperWords(String field, List<String> values) {
            return check(() -> Require.upperWords(field, values), values);
        }

        public String text(String field, String value) {
            return check(() -> Require.text(field, value), value);
        }

        public String optionalText(String field, String value) {
            return check(() -> Require.optionalText(field, value), value);
        }

        public String code(String field, String value) {
            return check(() -> Require.code(field, value), value);
        }

        public List<String> codes(String field, List<String> values, boolean nonEmpty) {
            return check(() -> Require.codes(field, values, nonEmpty), values);
        }

        public void passage(String startField, Integer start, String endField, Integer end) {
            if (start == null || end == null) {
                present(startField, start);
                present(endField, end);
                return;
            }
            check(
                    () -> {
                        Require.passage(startField, start, endField, end);
                        return start;
                    },
                    start);
        }

        public Instant time(String field, Instant value) {
            return check(() -> Require.time(field, value), value);
        }

        public <T> T present(String field, T value) {
            return check(() -> Require.present(field, value), value);
        }

        /** Notes a field at fault for a reason no check above covers. */
        public void invalid(String field, String reason) {
            wrong.add(new InvalidFieldException(field, reason));
        }

        /** Refuses the request if any check failed, naming each field at fault. */
        public void done() {
            if (wrong.size() == 1) {
                throw wrong.get(0);
            }
            if (!wrong.isEmpty()) {
                throw new InvalidFieldException(wrong);
            }
        }

        private <T> T check(Supplier<T> rule, T given) {
            try {
                return rule.get();
            } catch (InvalidFieldException e) {
                wrong.addAll(e.all());
                return given;
            }
        }
    }
}
