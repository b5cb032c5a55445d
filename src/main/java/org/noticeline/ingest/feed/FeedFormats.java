package org.noticeline.ingest.feed;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting for the feeds page. */
@TemplateExtension
public final class FeedFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private FeedFormats() {
    }

    /** {@code {state.lastPollAt.utc}} renders "2025-04-14 09:30 UTC", or "never". */
    public static String utc(Instant instant) {
        return instant == null ? "never" : UTC.format(instant);
    }
}
