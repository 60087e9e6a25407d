package org.coproduction.timeline.participation.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.timeline.api.CanonicalInstant;

/**
 * The contributions behind one count row (a meeting and a member), packed in its {@code
 * contributions} column as {@code id;category;occurredAt} entries joined by commas, in the order
 * they were handled: what a retraction takes out and what a question reads one by one. Identifiers
 * are {@code [A-Za-z0-9._:-]} (docs/events.md) and an ISO-8601 instant has neither separator, so the
 * text needs no escaping. One row per meeting and member instead of one per contribution: the
 * participation read model writes a few dozen rows per batch rather than a few hundred.
 */
final class ContributionList {

    private ContributionList() {}

    /** A contribution; {@code category} is the IPA category's index in Bales' order, from 0. */
    record Entry(String contributionId, int category, Instant occurredAt) {

        void appendTo(StringBuilder packed) {
            if (!packed.isEmpty()) {
                packed.append(',');
            }
            packed.append(contributionId)
                    .append(';')
                    .append(category + 1)
                    .append(';')
                    .append(occurredAt);
        }
    }

    static List<Entry> parse(String packed) {
        List<Entry> entries = new ArrayList<>();
        if (packed.isEmpty()) {
            return entries;
        }
        for (String entry : packed.split(",")) {
            int first = entry.indexOf(';');
            int second = entry.indexOf(';', first + 1);
            entries.add(new Entry(
                    entry.substring(0, first),
                    Integer.parseInt(entry, first + 1, second, 10) - 1,
                    instant(entry.substring(second + 1))));
        }
        return entries;
    }

    private static Instant instant(String text) {
        Instant canonical = CanonicalInstant.parse(text);
        return canonical != null ? canonical : Instant.parse(text);
    }

    /** False when {@code packed} certainly has no entry for the contribution: a test without parsing. */
    static boolean mayHold(String packed, String contributionId) {
        return packed.contains(contributionId + ";");
    }

    static String pack(List<Entry> entries) {
        StringBuilder packed = new StringBuilder();
        entries.forEach(entry -> entry.appendTo(packed));
        return packed.toString();
    }

    /** {@code packed} with {@code more} appended, without reading {@code packed} back. */
    static String append(String packed, List<Entry> more) {
        StringBuilder all = new StringBuilder(packed);
        more.forEach(entry -> entry.appendTo(all));
        return all.toString();
    }
}
