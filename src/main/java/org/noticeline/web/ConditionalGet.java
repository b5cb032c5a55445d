package org.noticeline.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Whether a conditional GET may be answered 304, as RFC 9110 (13.2.2) orders it: {@code If-None-Match} decides
 * when it is sent (weak comparison, so a proxy that weakened the tag still matches); only without it does
 * {@code If-Modified-Since}, at the one-second precision of HTTP dates. JAX-RS's own evaluation answers 304 on a
 * date even when the tags differ, which would hide a change that kept the newest entry's time (a relink). A response
 * with no {@code lastModified} (pages) is revalidated by its tag alone.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return matches(ifNoneMatch, etag);
        }
        if (lastModified == null || ifModifiedSince == null || ifModifiedSince.isBlank()) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            // A date that is not an HTTP date is ignored (RFC 9110 13.1.3): the full feed is the safe answer.
            return false;
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String ours = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String theirs = tag.strip();
            if (theirs.equals("*") || opaque(theirs).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
