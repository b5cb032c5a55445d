package org.noticeline.notice;

import java.text.Normalizer;
import java.util.Locale;

/** Slugs made from a notice's date and title, for notices that arrive without one (API, documents, feeds). */
public final class Slugs {

    private static final int MAX = 120;

    private Slugs() {
    }

    /** {@code 2023-12-18-commission-opens-proceedings-against-x}; null when title or date is missing. */
    public static String of(String date, String title) {
        return title == null || title.isBlank() ? null : of(date, title, "notice");
    }

    /** As {@link #of(String, String)}, with {@code fallback} as the words when the title has none to offer ("…"). */
    public static String of(String date, String title, String fallback) {
        if (date == null || date.isBlank()) {
            return null;
        }
        String ascii = title == null ? "" : Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String words = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String slug = date.strip() + "-" + (words.isEmpty() ? fallback : words);
        return slug.length() > MAX ? slug.substring(0, MAX).replaceAll("-+$", "") : slug;
    }
}
