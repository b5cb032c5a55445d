package org.noticeline.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a source did. {@code outcome}: {@code ok}; {@code not-modified} (the feed answered
 * 304); {@code partial} (read, but some entries failed: they are retried on the next poll);
 * {@code failed} (the feed could not be fetched or read: {@code error} says why).
 * {@code kept}: entries that changed upstream whose notice an editor had changed since; not overwritten.
 */
public record PollResult(String source, PollOutcome outcome, Instant polledAt, int entries, int created, int updated, int unchanged,
                         int duplicates, int kept, int failed, String error, List<String> problems) {

    public PollResult {
        problems = List.copyOf(problems);
    }
}
