package org.noticeline.timeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.noticeline.changelog.PublicStateCache;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.rest.NoticeFilterParams;

import java.util.function.Supplier;

/**
 * What the pages read from the record that is costly to read (counts over the tens of thousands of notices a rule
 * or a platform has) and the same for every reader until the record changes: kept, the {@value #MAX} asked last,
 * until any visible change ({@link PublicStateCache}). The page cache keeps whole pages; this keeps their costly
 * parts across the pages that share them (every page of a rule's timeline has the same overview and panel).
 */
@ApplicationScoped
public class RecordMemo extends PublicStateCache {

    static final int MAX = 2_000;

    private final Cache<String, Object> kept = Caffeine.newBuilder().maximumSize(MAX).build();

    /** The value kept under {@code key}, or else what {@code read} reads (kept unless a change came meanwhile). */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> read) {
        Object value = kept.getIfPresent(key);
        if (value != null) {
            return (T) value;
        }
        long seen = generation();
        T fresh = read.get();
        keepIf(seen, () -> kept.put(key, fresh));
        return fresh;
    }

    /** What a filter selects (not its page), in one spelling: equal selections, equal keys. */
    static String selection(NoticeFilter filter) {
        return NoticeFilterParams.selecting(filter).filterQuery() + (filter.includeWithdrawn() ? "&withdrawn=true" : "");
    }

    @Override
    protected void clear() {
        kept.invalidateAll();
    }

    /** Read from the catalog and the record; pages are rendered from it. */
    @Override
    protected int layer() {
        return 1;
    }
}
