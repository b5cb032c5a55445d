package org.noticeline.changelog;

import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a replica derives from the public record and keeps in memory (rendered pages, counts), forgotten whenever
 * anything anonymous readers see changes: a change this replica commits, before its writer is answered
 * ({@link LocalCommit}), so whoever writes reads what they wrote; another replica's, when the
 * {@link ChangeFollower} brings it, within about a second. No timer: an unchanged record is answered from memory for
 * as long as it stays unchanged.
 * <p>
 * The race: a value read from the database as it was before a change, but kept after the change cleared the cache,
 * would be served stale until the next change. So each clear moves a generation on, a reader notes the generation
 * before it reads anything ({@link #generation}), and {@link #keepIf} keeps its value only if the generation is
 * still the same. Changes editors alone see (drafts, discarded notices) leave the cache as it is.
 */
public abstract class PublicStateCache implements ChangeConsumer {

    /** Written under this object's lock, read without it. */
    private volatile long generation;
    private volatile Instant lastChange;

    /** Forgets everything kept; called with this object's lock held, after the generation has moved on. */
    protected abstract void clear();

    /** What must be forgotten before anything is read again, when the catalog changed (this replica's copy of it). */
    protected void catalogChanged() {
    }

    /** The generation to note before reading what will be kept. */
    public final long generation() {
        return generation;
    }

    /** The time of the latest visible change this replica knows of, or null before it knows of any. */
    public final Instant lastChange() {
        return lastChange;
    }

    /** What start-up reads from the log, unless a change has already said later. */
    protected final synchronized void startFrom(Instant latest) {
        if (latest != null && (lastChange == null || latest.isAfter(lastChange))) {
            lastChange = latest;
        }
    }

    /** Runs {@code keep} (which stores a value read since {@code seen} was noted) unless a change came in between. */
    protected final synchronized void keepIf(long seen, Runnable keep) {
        if (generation == seen) {
            keep.run();
        }
    }

    @Override
    public final void apply(List<Change> changes) {
        if (changes.stream().noneMatch(Change::visible)) {
            return;
        }
        changed(changes.stream().anyMatch(c -> c.kind() == ChangeKind.CATALOG),
                changes.stream().map(Change::at).filter(Objects::nonNull).max(Instant::compareTo).orElse(null));
    }

    public final void onLocalCommit(@Observes LocalCommit commit) {
        if (commit.visible()) {
            changed(commit.catalog(), commit.at());
        }
    }

    private void changed(boolean catalog, Instant at) {
        if (catalog) {
            catalogChanged();
        }
        synchronized (this) {
            startFrom(at);
            generation++;
            clear();
        }
    }
}
