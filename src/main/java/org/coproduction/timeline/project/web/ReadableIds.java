package org.coproduction.timeline.project.web;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A readable id from a title, for a project registered without one: "Carers' Voices in Mental
 * Health" becomes {@code carers-voices-in-mental-health}. Accents are dropped ("Łódź" reads
 * "lodz"), everything else but letters and digits becomes one hyphen, and the id is cut at a word
 * to fit the contract's 64 characters with room for a suffix should it be taken.
 */
final class ReadableIds {

    static final int MAX = 40;

    private ReadableIds() {}

    static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("đ", "d")
                .replace("Đ", "D")
                .replaceAll("\\p{M}", "");
        String id = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > MAX) {
            int cut = id.lastIndexOf('-', MAX);
            id = id.substring(0, cut > MAX / 2 ? cut : MAX);
        }
        return id.isEmpty() ? "project" : id;
    }

    /** The readable id cut short enough for a suffix of 37 characters ("-" and a UUID). */
    static String prefixFromTitle(String title) {
        String id = fromTitle(title);
        return id.length() <= 27 ? id : id.substring(0, 27).replaceAll("-+$", "");
    }
}
