package org.noticeline.subscription;

/** A claimed delivery and what sending it came to; {@code result} is null when it was not sent and goes back unsent. */
record Attempt(ChannelSender.Outgoing outgoing, ChannelSender.SendResult result) {

    boolean sent() {
        return result != null;
    }
}
