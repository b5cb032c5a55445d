package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.outbound.OutboundException;
import org.noticeline.outbound.OutboundFetcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhooks, the Standard Webhooks way: a POST of the payload with {@code webhook-id}, {@code webhook-timestamp} (the
 * real time of sending, in unix seconds, whatever the schedule's clock says) and {@code webhook-signature}, through
 * {@link OutboundFetcher} so the address policy holds at every attempt. Any 2xx is delivered; a redirect is not
 * followed and counts as a failure; 410 Gone ends the subscription.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    @Inject
    OutboundFetcher fetcher;

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public SendResult send(Outgoing delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", delivery.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(delivery.secrets(), delivery.messageId(), timestamp, body));
        OutboundFetcher.Fetched answer;
        try {
            answer = fetcher.post(URI.create(delivery.target()), headers, body);
        } catch (OutboundException e) {
            return SendResult.failed(null, e.getMessage(), java.util.Optional.empty());
        } catch (IllegalArgumentException e) {
            return SendResult.failed(null, "not a URL: " + e.getMessage(), java.util.Optional.empty());
        }
        int status = answer.status();
        if (answer.ok()) {
            return SendResult.delivered(status);
        }
        if (status == 410) {
            return SendResult.gone(status);
        }
        String error = status >= 300 && status < 400
                ? "the receiver answered " + status + " (a redirect" + answer.header("Location").map(l -> " to " + excerpt(l)).orElse("")
                  + "), which webhooks never follow"
                : "the receiver answered " + status;
        return SendResult.failed(status, error, RetrySchedule.retryAfter(answer.header("Retry-After").orElse(null), now));
    }

    private static String excerpt(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
