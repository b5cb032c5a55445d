package org.noticeline.notice;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a newest-first list of notices: the date and id of the last item shown. Opaque to
 * clients (base64url), stable under inserts, unlike offsets.
 */
public record Cursor(LocalDate date, long id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((date + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor this service issued as {@code value}, or empty for anything else. */
    public static Optional<Cursor> decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                return Optional.empty();
            }
            // A cursor we issued carries a notice's date, so it is always within the dates notices may have.
            return NoticeDates.parse(parts[0]).map(date -> new Cursor(date, Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
