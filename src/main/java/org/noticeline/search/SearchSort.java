package org.noticeline.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hits are ordered: best match first (newest first among equals), or newest first like the timelines. */
public enum SearchSort {
    RELEVANCE, DATE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchSort> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
