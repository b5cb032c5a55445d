package org.noticeline.ingest.feed;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
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

    /** {@code {s.every}}: the interval as "30m", "2h", "1d" or "1h 30m". */
    public static String every(SourceView source) {
        long seconds = Duration.parse(source.interval()).toSeconds();
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(text.length() == 0 ? "" : " ").append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }

    /** {@code {state.lastPollAt.utc}} renders "2025-04-14 09:30 UTC", or "never". */
    public static String utc(Instant instant) {
        return instant == null ? "never" : UTC.format(instant);
    }
}
