package org.coproduction.timeline.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one text form nearly every instant of the contract has, {@code yyyy-MM-ddTHH:mm:ss} with
 * an optional fraction of one to nine digits and {@code Z} ({@code 2012-03-05T10:00:00Z}, what {@code
 * Instant.toString()} writes for years 0 to 9999), without a {@code DateTimeFormatter}: Jackson's
 * {@code InstantDeserializer}, which parses with one, weighed on the thread reading the event
 * store back in a rebuild.
 */
public final class CanonicalInstant {

    private CanonicalInstant() {}

    /**
     * The instant {@code text} writes in the canonical form, the same one {@code Instant.parse}
     * reads from it; null for any other text and for a date or time out of range (a leap second
     * included), which the caller reads with its own formatter: that accepts more, and words its own
     * error.
     */
    public static Instant parse(CharSequence text) {
        int length = text.length();
        if (length < 20
                || length == 21
                || length > 30
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = 0;
        if (length > 20) {
            nano = digits(text, 20, length - 1);
            for (int i = length - 1; i < 29; i++) {
                nano *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nano) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nano);
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    /** The decimal number {@code text} writes from {@code from} to {@code to}, or -1 if not all digits. */
    private static int digits(CharSequence text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
