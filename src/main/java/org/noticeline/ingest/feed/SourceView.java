package org.noticeline.ingest.feed;

import java.time.Instant;

/** A source as the admin API shows it: its configuration and its state. */
public record SourceView(String id, String authority, String url, String format, String interval, String type, boolean publish,
                         boolean enabled, String origin, State state) {

    /** What polling has found so far; the counts add up over all polls. */
    public record State(Instant lastPollAt, String lastOutcome, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                        Instant nextPollAt, long entriesSeen, long noticesCreated, long noticesUpdated, long entriesFailed,
                        String etag, String lastModified) {
    }

    public static SourceView of(FeedSource s) {
        return new SourceView(s.id, s.authority, s.url, s.format, s.interval().toString(), s.type, s.publish, s.enabled, s.origin.id(),
                new State(s.lastPollAt, s.lastOutcome == null ? null : s.lastOutcome.id(), s.lastSuccessAt, s.lastError, s.lastErrorAt, s.nextPollAt, s.entriesSeen,
                        s.noticesCreated, s.noticesUpdated, s.entriesFailed, s.etag, s.lastModified));
    }
}
