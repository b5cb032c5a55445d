package org.noticeline.subscription.stream;

/** A stream refused because its client, or this replica, holds as many as it may. */
public class StreamLimitException extends RuntimeException {

    public StreamLimitException(String message) {
        super(message);
    }
}
