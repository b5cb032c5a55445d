package org.noticeline.changelog;

import jakarta.inject.Inject;

import java.time.Instant;

/**
 * What a replica derives from the public record and keeps in memory (rendered pages, feeds, counts), forgotten
 * whenever anything anonymous readers see changes ({@link PublicChanges}, which clears every such cache, inner layers
 * first). No timer: an unchanged record is answered from memory for as long as it stays unchanged.
 * <p>
 * The race: a value read as the record was before a change, but kept after the change cleared the cache, would be
 * served stale until the next change. So a reader notes the generation before it reads anything
 * ({@link #generation}), and {@link #keepIf} keeps its value only if the generation is still the same.
 */
public abstract class PublicStateCache {

    @Inject
    PublicChanges changes;

    /** Forgets everything kept; called with the generation's lock held. */
    protected abstract void clear();

    /** Where the cache sits: one that keeps what is read from another is cleared after it (a larger layer). */
    protected abstract int layer();

    /** What must be forgotten before anything is read again, when the catalog changed (this replica's copy of it). */
    protected void catalogChanged() {
    }

    /** The generation to note before reading what will be kept. */
    public final long generation() {
        return changes.generation();
    }

    /** The time of the latest visible change this replica knows of, or null before it knows of any. */
    public final Instant lastChange() {
        return changes.lastChange();
    }

    /** Runs {@code keep} (which stores a value read since {@code seen} was noted) unless a change came in between. */
    protected final void keepIf(long seen, Runnable keep) {
        changes.keepIf(seen, keep);
    }
}
