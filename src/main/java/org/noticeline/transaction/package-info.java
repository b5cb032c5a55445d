/**
 * Transactions that lose a race start again: {@link org.noticeline.transaction.RetryOnConflict} on the outermost
 * boundary, or {@link org.noticeline.transaction.Retries#inNewTransaction} where work opens its own transactions.
 * {@link org.noticeline.transaction.Milestones}: what a start need not do again on this database.
 */
package org.noticeline.transaction;
