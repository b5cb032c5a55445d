package org.noticeline.changelog;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Tells this replica's {@link PublicStateCache}s that the public record changed, and keeps the one generation they all
 * check: a change this replica commits, before its writer is answered ({@link LocalCommit}), so whoever writes reads
 * what they wrote; another replica's, when the {@link ChangeFollower} brings it, within about a second.
 * <p>
 * The caches are layered (a page kept by the page cache was rendered from counts a memo kept), so they are cleared
 * inner layer first, and the generation moves on before each layer: a value read from an inner layer not yet cleared
 * was read under a generation that has moved by the time the outer layer may keep it, so it is not kept. Changes
 * editors alone see (drafts, discarded notices) change nothing public and clear nothing.
 */
@ApplicationScoped
public class PublicChanges implements ChangeConsumer {

    @Inject
    Instance<PublicStateCache> caches;
    @Inject
    ChangeLog log;

    /** Written under this object's lock, read without it. */
    private volatile long generation;
    private volatile Instant lastChange;

    public long generation() {
        return generation;
    }

    /** The time of the latest visible change this replica knows of, or null before it knows of any. */
    public Instant lastChange() {
        return lastChange;
    }

    void onStart(@Observes StartupEvent event) {
        startFrom(log.lastVisibleChangeAt().orElse(null));
    }

    /** Moves the time of the latest change to {@code latest}, unless a change has already said later. */
    private synchronized void startFrom(Instant latest) {
        if (latest != null && (lastChange == null || latest.isAfter(lastChange))) {
            lastChange = latest;
        }
    }

    /** Runs {@code keep} (which stores a value read since {@code seen} was noted) unless a change came in between. */
    synchronized void keepIf(long seen, Runnable keep) {
        if (generation == seen) {
            keep.run();
        }
    }

    @Override
    public void apply(List<Change> changes) {
        if (changes.stream().noneMatch(Change::visible)) {
            return;
        }
        changed(changes.stream().anyMatch(c -> c.kind() == ChangeKind.CATALOG),
                changes.stream().map(Change::at).filter(Objects::nonNull).max(Instant::compareTo).orElse(null));
    }

    void onLocalCommit(@Observes LocalCommit commit) {
        if (commit.visible()) {
            changed(commit.catalog(), commit.at());
        }
    }

    private void changed(boolean catalog, Instant at) {
        List<PublicStateCache> layers = caches.stream().sorted(Comparator.comparingInt(PublicStateCache::layer)).toList();
        if (catalog) {
            layers.forEach(PublicStateCache::catalogChanged);
        }
        synchronized (this) {
            startFrom(at);
            for (PublicStateCache layer : layers) {
                generation++;
                layer.clear();
            }
            generation++;
        }
    }
}
