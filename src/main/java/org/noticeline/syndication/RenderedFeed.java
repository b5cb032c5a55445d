package org.noticeline.syndication;

import java.time.Instant;

/**
 * A feed as it is served: its bytes, a strong entity tag (the SHA-256 of the bytes, which hold no time of rendering,
 * so the tag changes exactly when the feed does) and its newest entry's update time as {@code Last-Modified}.
 */
record RenderedFeed(FeedType type, byte[] body, String etag, Instant lastModified) {
}
