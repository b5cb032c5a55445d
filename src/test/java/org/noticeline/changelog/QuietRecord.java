package org.noticeline.changelog;

import java.time.Duration;
import java.time.Instant;

/**
 * Waits until no visible change has come for a second (at most a minute): right after start-up the relinker re-links
 * the corpus, and a test that counts renders of a cache must not count the ones those changes cause.
 */
public final class QuietRecord {

    private QuietRecord() {
    }

    public static void await(PublicChanges changes) {
        Instant until = Instant.now().plusSeconds(60);
        long seen = changes.generation();
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(until) && Duration.between(quietSince, Instant.now()).toMillis() < 1000) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (changes.generation() != seen) {
                seen = changes.generation();
                quietSince = Instant.now();
            }
        }
    }
}
