package org.noticeline.outbound;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

import java.io.IOException;

/** Reads a body and gives up as soon as it (or its declared length) exceeds the cap, so a huge answer is never held. */
final class CappedBody {

    /** The body is larger than the cap; the connection has been reset. */
    static final class TooLarge extends IOException {
    }

    private CappedBody() {
    }

    /** Must be called before the body's first bytes arrive, that is where the response is first handed over. */
    static Future<byte[]> read(HttpClientResponse response, long max) {
        Promise<byte[]> body = Promise.promise();
        // Set first: the reset that gives up on a body also reports itself here, and the body has failed already.
        response.exceptionHandler(body::tryFail);
        if (declaredLength(response) > max) {
            body.fail(new TooLarge());
            response.request().reset();
            return body.future();
        }
        Buffer bytes = Buffer.buffer();
        response.handler(chunk -> {
            if (body.future().isComplete()) {
                return;
            }
            if (bytes.length() + (long) chunk.length() > max) {
                body.fail(new TooLarge());
                response.request().reset();
                return;
            }
            bytes.appendBuffer(chunk);
        });
        response.endHandler(end -> body.tryComplete(bytes.getBytes()));
        return body.future();
    }

    private static long declaredLength(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
