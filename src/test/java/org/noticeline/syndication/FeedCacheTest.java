package org.noticeline.syndication;

import org.junit.jupiter.api.Test;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeKind;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCacheTest {

    private static final Change REVISED = new Change(7, ChangeKind.REVISED, 1L, "a-notice", 2, true, Instant.now());
    private static final Change DRAFT = new Change(8, ChangeKind.CREATED, 2L, "a-draft", 1, false, Instant.now());

    private static RenderedFeed feed(int n) {
        return new RenderedFeed(FeedType.ATOM, new byte[] {(byte) n}, "\"" + n + "\"", Instant.EPOCH);
    }

    @Test
    void aFeedIsRenderedOnceUntilAPublicChange() {
        FeedCache cache = new FeedCache();
        AtomicInteger renders = new AtomicInteger();

        assertThat(cache.get("ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"1\"");
        assertThat(cache.get("ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"1\"");
        cache.apply(List.of(DRAFT));
        assertThat(cache.get("ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"1\"");
        cache.apply(List.of(DRAFT, REVISED));
        assertThat(cache.get("ATOM?", () -> feed(renders.incrementAndGet())).etag()).isEqualTo("\"2\"");
    }

    @Test
    void aRenderThatAChangeOvertookIsServedButNotKept() {
        FeedCache cache = new FeedCache();

        RenderedFeed overtaken = cache.get("ATOM?", () -> {
            cache.apply(List.of(REVISED));
            return feed(1);
        });

        assertThat(overtaken.etag()).isEqualTo("\"1\"");
        assertThat(cache.get("ATOM?", () -> feed(2)).etag()).isEqualTo("\"2\"");
        assertThat(cache.get("ATOM?", () -> feed(3)).etag()).isEqualTo("\"2\"");
    }

    @Test
    void theLeastRecentlyUsedFeedsGoFirst() {
        FeedCache cache = new FeedCache();
        for (int i = 0; i <= FeedCache.CAPACITY; i++) {
            int n = i;
            cache.get("ATOM?" + i, () -> feed(n));
            cache.get("ATOM?0", () -> feed(-1));
        }
        assertThat(cache.get("ATOM?0", () -> feed(-1)).etag()).isEqualTo("\"0\"");
        assertThat(cache.get("ATOM?1", () -> feed(-1)).etag()).isEqualTo("\"-1\"");
    }
}
