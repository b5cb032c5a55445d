package org.noticeline.subscription;

/**
 * Sends one delivery over one {@link Channel}. Called outside any transaction, with the delivery already leased to
 * this replica; it answers what happened and never throws for a failure of the receiver.
 */
public interface ChannelSender {

    Channel channel();

    SendResult send(Outgoing delivery);

    /** A claimed delivery with what its channel needs: where to, the payload, the message id and the signing secrets. */
    record Outgoing(long deliveryId, String lease, String subscriptionId, Channel channel, String target, java.util.List<String> secrets,
                    String messageId, String eventType, String payload, java.time.Instant createdAt) {
    }

    /**
     * What an attempt came to: delivered, or a failure with the receiver's status (null when there was no answer), its
     * {@code Retry-After}, and whether the receiver said the subscription is gone for good.
     */
    record SendResult(boolean delivered, Integer status, String error, java.util.Optional<java.time.Duration> retryAfter, boolean gone) {

        public static SendResult delivered(int status) {
            return new SendResult(true, status, null, java.util.Optional.empty(), false);
        }

        public static SendResult failed(Integer status, String error, java.util.Optional<java.time.Duration> retryAfter) {
            return new SendResult(false, status, error, retryAfter, false);
        }

        public static SendResult gone(int status) {
            return new SendResult(false, status, "the receiver answered " + status + " Gone: the subscription is disabled", java.util.Optional.empty(), true);
        }
    }
}
