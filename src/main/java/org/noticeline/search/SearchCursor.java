package org.noticeline.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page of hits starts, opaque to clients. By date it is the last hit's date and id, so pages stay
 * put while notices are added; by relevance, where scores move with every change to the index, it is an offset.
 */
public record SearchCursor(SearchSort sort, long offset, long day, long id) {

    static SearchCursor offset(long offset) {
        return new SearchCursor(SearchSort.RELEVANCE, offset, 0, 0);
    }

    static SearchCursor after(long day, long id) {
        return new SearchCursor(SearchSort.DATE, 0, day, id);
    }

    public String encode() {
        String text = sort == SearchSort.RELEVANCE ? "r|" + offset : "d|" + day + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor this service issued for {@code sort}, or empty for anything else. */
    public static Optional<SearchCursor> decode(String value, SearchSort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            if (sort == SearchSort.RELEVANCE && parts.length == 2 && parts[0].equals("r")) {
                long offset = Long.parseLong(parts[1]);
                return offset >= 0 ? Optional.of(offset(offset)) : Optional.empty();
            }
            if (sort == SearchSort.DATE && parts.length == 3 && parts[0].equals("d")) {
                return Optional.of(after(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
