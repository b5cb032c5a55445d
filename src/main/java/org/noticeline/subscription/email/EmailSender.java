package org.noticeline.subscription.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.noticeline.subscription.Channel;
import org.noticeline.subscription.ChannelSender;
import org.noticeline.subscription.SubscriptionMetrics;

import java.util.Optional;

/**
 * E-mail deliveries over SMTP with the Quarkus Mailer ({@code quarkus.mailer.*}): a confirmation, one change, or a
 * digest, each with its manage link and RFC 8058 one-click unsubscribe headers. The relay accepting the mail is
 * delivered; any failure to hand it over (refused, unreachable, timed out) is an ordinary failure the shared
 * schedule retries. Bounces after acceptance are not followed.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    /** The SMTP reply code of an accepted mail, recorded as the delivery's response status. */
    static final int ACCEPTED = 250;

    @Inject
    Mailer mailer;
    @Inject
    EmailMessages messages;
    @Inject
    EmailLinks links;
    @Inject
    SubscriptionMetrics metrics;
    @Inject
    ObjectMapper json;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(Outgoing delivery) {
        JsonNode payload;
        try {
            payload = json.readTree(delivery.payload());
        } catch (JsonProcessingException e) {
            return SendResult.failed(null, "the stored payload is not JSON: " + e.getOriginalMessage(), Optional.empty());
        }
        String kind = switch (delivery.eventType()) {
            case EmailSubscriptions.CONFIRMATION -> "confirmation";
            case Digests.DIGEST -> "digest";
            default -> "immediate";
        };
        EmailMessages.Message message = switch (kind) {
            case "confirmation" -> messages.confirmation(delivery.subscriptionId(), payload.path("frequency").asText());
            case "digest" -> messages.digest(delivery.subscriptionId(), payload);
            default -> messages.single(delivery.subscriptionId(), payload);
        };
        Mail mail = Mail.withHtml(delivery.target(), message.subject(), message.html()).setText(message.text())
                .addHeader("List-Unsubscribe", "<" + links.unsubscribe(delivery.subscriptionId()) + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.warnf("delivery %d: the SMTP relay did not take the %s mail (%s); it is retried on the schedule", delivery.deliveryId(), kind, describe(e));
            return SendResult.failed(null, "SMTP: " + describe(e), Optional.empty());
        }
        metrics.emailSent(kind);
        return SendResult.delivered(ACCEPTED);
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
