package org.noticeline.changelog;

import java.util.List;
import java.util.OptionalLong;

/**
 * Derived state of one replica that follows the change log (a cache, an index). Implement it as a CDI bean and the
 * {@link ChangeFollower} of every replica hands it each batch of committed changes, in sequence order, within a
 * couple of seconds of the commit on whichever replica made it; changes editors alone see are included, so a
 * consumer of public state filters on {@link Change#visible()}.
 * <p>
 * The follower starts at the head of the log: a consumer's state begins empty or rebuilt from the database, and
 * is told only what changes after that. A consumer that keeps its state across restarts (an index on disk) says
 * where it stopped with {@link #resumeAfter}. {@link #apply} runs on the follower's thread, one batch at a time;
 * an exception is logged and the batch is not offered again, so a consumer that cannot apply a change invalidates
 * what it derived instead.
 */
public interface ChangeConsumer {

    void apply(List<Change> changes);

    /**
     * The last sequence number this consumer has finished with, when its work goes on after {@link #apply} returns (a
     * cursor of its own); empty, the last one it was handed. The lag gauge counts from it.
     */
    default OptionalLong done() {
        return OptionalLong.empty();
    }

    /** The last sequence number already reflected in this consumer's state; by default the head when the follower starts. */
    default long resumeAfter(long head) {
        return head;
    }
}
