package org.noticeline.ingest.feed;

/** A feed, an entry or its page that cannot be used; the message is recorded as the source's last error. */
public class FeedException extends RuntimeException {

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
