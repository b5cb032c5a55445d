package org.noticeline.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeConsumer;
import org.noticeline.changelog.ChangeKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * This replica's rendered feeds, the {@value #CAPACITY} used last, kept until the change log says that anything
 * public changed: the {@link org.noticeline.changelog.ChangeFollower} hands every batch of committed changes, from
 * any replica, to {@link #apply}, which forgets them all (a change to one notice can move it into or out of any
 * filter, and a catalog change renames categories). No timer: an unchanged record is served from memory for as
 * long as it stays unchanged, and a change reaches every replica's feeds within the follower's delay (about a second).
 * <p>
 * The race: a feed rendered from the database as it was before a change, but stored after the change has cleared
 * the cache, would be served stale until the next change. So each clear moves a generation on, a render notes the
 * generation before it reads anything, and its result is stored only if the generation is still the same.
 */
@ApplicationScoped
public class FeedCache implements ChangeConsumer {

    static final int CAPACITY = 500;

    @Inject
    CatalogStore catalogStore;

    private final Map<String, RenderedFeed> feeds = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RenderedFeed> eldest) {
            return size() > CAPACITY;
        }
    };
    private long generation;

    /** The feed cached under {@code key}, or else the one {@code render} makes (stored unless a change came meanwhile). */
    RenderedFeed get(String key, Supplier<RenderedFeed> render) {
        long seen;
        synchronized (this) {
            RenderedFeed cached = feeds.get(key);
            if (cached != null) {
                return cached;
            }
            seen = generation;
        }
        RenderedFeed rendered = render.get();
        synchronized (this) {
            if (generation == seen) {
                feeds.put(key, rendered);
            }
        }
        return rendered;
    }

    /** Changes editors alone see (drafts, discarded notices) are in no feed and leave the cache as it is. */
    @Override
    public void apply(List<Change> changes) {
        if (changes.stream().noneMatch(Change::visible)) {
            return;
        }
        if (changes.stream().anyMatch(c -> c.kind() == ChangeKind.CATALOG)) {
            // The catalog names categories; the next render must not read this replica's older copy of it.
            catalogStore.forget();
        }
        synchronized (this) {
            generation++;
            feeds.clear();
        }
    }
}
