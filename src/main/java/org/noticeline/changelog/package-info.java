/**
 * The change log: every committed change to a notice (and every catalog reload that changed something) as one
 * numbered event, appended by the write path in the same transaction. Readers follow it by sequence number
 * ({@link org.noticeline.changelog.ChangeLog#read}); each replica's derived state follows it through a
 * {@link org.noticeline.changelog.ChangeConsumer}. How the numbering avoids the outbox trap is told in
 * {@link org.noticeline.changelog.ChangeLog}.
 */
package org.noticeline.changelog;
