package org.noticeline.changelog;

import java.time.Instant;

/**
 * One numbered change as readers see it. {@code slug} and {@code revision} are null for a {@code catalog} change;
 * {@code visible} is false for changes only editors see (a draft's, a discarded notice's).
 */
public record Change(long seq, ChangeKind kind, Long noticeId, String slug, Integer revision, boolean visible, Instant at) {
}
