package org.noticeline.syndication;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.changelog.PublicChanges;
import org.noticeline.changelog.QuietRecord;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The feeds' cache of a running service: {@link PublicChanges} tells it, as it tells every cache, what changed. */
@QuarkusTest
class FeedCacheTest {

    @Inject
    FeedCache cache;
    @Inject
    PublicChanges changes;

    private static final Change REVISED = new Change(7, ChangeKind.REVISED, 1L, "a-notice", 2, true, Instant.now());
    private static final Change DRAFT = new Change(8, ChangeKind.CREATED, 2L, "a-draft", 1, false, Instant.now());

    private static RenderedFeed feed(int n) {
        return new RenderedFeed(FeedType.ATOM, new byte[] {(byte) n}, "\"" + n + "\"", Instant.EPOCH);
    }

    @Test
    void aFeedIsRenderedOnceUntilAPublicChange() {
        QuietRecord.await(changes);
        changes.apply(List.of(REVISED));
        AtomicInteger renders = new AtomicInteger();

        assertThat(cache.get("test ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"1\"");
        assertThat(cache.get("test ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"1\"");
        changes.apply(List.of(DRAFT));
        assertThat(cache.get("test ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"1\"");
        changes.apply(List.of(DRAFT, REVISED));
        assertThat(cache.get("test ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"2\"");
    }

    @Test
    void aRenderThatAChangeOvertookIsServedButNotKept() {
        QuietRecord.await(changes);
        changes.apply(List.of(REVISED));

        RenderedFeed overtaken = cache.get("test ATOM?", () -> {
            changes.apply(List.of(REVISED));
            return feed(1);
        });

        assertThat(overtaken.etag()).isEqualTo("\"1\"");
        assertThat(cache.get("test ATOM?", () -> feed(2)).etag()).isEqualTo("\"2\"");
        assertThat(cache.get("test ATOM?", () -> feed(3)).etag()).isEqualTo("\"2\"");
    }

    @Test
    void theLeastRecentlyUsedFeedsGoFirst() {
        QuietRecord.await(changes);
        changes.apply(List.of(REVISED));
        for (int i = 0; i <= FeedCache.CAPACITY; i++) {
            int n = i;
            cache.get("test ATOM?" + i, () -> feed(n));
            cache.get("test ATOM?0", () -> feed(-1));
        }
        assertThat(cache.get("test ATOM?0", () -> feed(-1)).etag()).isEqualTo("\"0\"");
        assertThat(cache.get("test ATOM?1", () -> feed(-1)).etag()).isEqualTo("\"-1\"");
    }
}
