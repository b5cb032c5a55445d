/**
 * Outgoing feeds: every timeline as Atom 1.0 and RSS 2.0 ({@code /feeds/notices.atom}, {@code /feeds/notices.rss}),
 * the 50 notices of its filter that changed last, corrections and withdrawals as updated entries under ids that
 * never change. {@code FeedSelection} is the canonical filter, {@code FeedRenderer} reads and writes a feed with
 * Rome, {@code FeedCache} keeps rendered feeds until the change log says anything changed. Incoming official
 * feeds are {@code ingest.feed}'s.
 */
package org.noticeline.syndication;
