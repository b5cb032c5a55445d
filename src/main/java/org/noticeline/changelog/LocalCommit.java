package org.noticeline.changelog;

import java.time.Instant;

/**
 * A transaction of this replica committed changes: fired, synchronously, as it ends and before its caller is answered,
 * so that state this replica derives can follow its own writes at once (a reader who has just written reads what
 * they wrote). Other replicas learn of the same changes from their {@link ChangeFollower}.
 *
 * @param visible whether any of them is one anonymous readers see
 * @param catalog whether any of them changed the catalog
 * @param at the latest time among them, as the log records it
 */
public record LocalCommit(boolean visible, boolean catalog, Instant at) {
}
