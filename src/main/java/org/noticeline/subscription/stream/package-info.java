/**
 * The live stream of subscriptions: {@link org.noticeline.subscription.stream.LiveStreams}, a change consumer, loads
 * each notice a batch of committed changes touches once, builds its payload once, and hands it to every open
 * {@link org.noticeline.subscription.stream.LiveStream} whose filter it matches; a stream that reconnects with the
 * last id it saw is first replayed what it missed from the change log, so any replica can take it over.
 * {@code rest} is its HTTP face, {@code GET /api/stream} (Server-Sent Events).
 */
package org.noticeline.subscription.stream;
