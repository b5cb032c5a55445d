package org.noticeline.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import org.noticeline.changelog.PublicStateCache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * This replica's rendered feeds, the {@value #CAPACITY} used last, kept until the record changes
 * ({@link PublicStateCache}: a change to one notice can move it into or out of any filter, and a catalog change renames
 * categories). An inner layer: the page cache keeps feeds rendered from it, so it is cleared first.
 */
@ApplicationScoped
public class FeedCache extends PublicStateCache {

    static final int CAPACITY = 500;

    private final Map<String, RenderedFeed> feeds = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RenderedFeed> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The feed cached under {@code key}, or else the one {@code render} makes (stored unless a change came meanwhile). */
    RenderedFeed get(String key, Supplier<RenderedFeed> render) {
        synchronized (feeds) {
            RenderedFeed cached = feeds.get(key);
            if (cached != null) {
                return cached;
            }
        }
        long seen = generation();
        RenderedFeed rendered = render.get();
        keepIf(seen, () -> {
            synchronized (feeds) {
                feeds.put(key, rendered);
            }
        });
        return rendered;
    }

    @Override
    protected void clear() {
        synchronized (feeds) {
            feeds.clear();
        }
    }

    @Override
    protected int layer() {
        return 1;
    }
}
