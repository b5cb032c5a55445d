package org.noticeline.subscription.stream;

/**
 * One thing written to a stream: an event ({@code id}, {@code type}, {@code data} as one line of JSON) or, when
 * {@code comment} is set, a comment line that only keeps the connection alive.
 */
public record StreamEvent(String id, String type, String data, String comment) {

    static final StreamEvent HEARTBEAT = new StreamEvent(null, null, null, "heartbeat");

    static StreamEvent of(long seq, String type, String data) {
        return new StreamEvent(Long.toString(seq), type, data, null);
    }

    public boolean isComment() {
        return comment != null;
    }
}
