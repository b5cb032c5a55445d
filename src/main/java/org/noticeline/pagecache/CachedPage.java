package org.noticeline.pagecache;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One kept response, as it is sent: the body in one encoding and the headers REST gave it (its type, tag, caching
 * headers and any other, such as {@code Link}); the security headers are added to every response anyway.
 *
 * @param encoding {@code gzip}, or null for the body as rendered
 * @param lastModified what {@code If-Modified-Since} is compared with, or null
 */
public record CachedPage(Buffer body, String contentType, String encoding, String etag, Instant lastModified,
                         List<Map.Entry<String, String>> headers) {

    /**
     * The bytes as a body to send again and again: off the heap, so that a socket write is no copy into a direct buffer
     * (what nginx saves with sendfile), and never released, since every hit sends the same bytes.
     */
    static Buffer sendable(byte[] bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes)));
    }

    /** Roughly what keeping it costs in memory: the body, the key and the rest. */
    int weight(String key) {
        return body.length() + 2 * key.length() + headers.stream().mapToInt(h -> 2 * (h.getKey().length() + h.getValue().length())).sum() + 256;
    }
}
