package org.noticeline.subscription.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.subscription.Channel;
import org.noticeline.subscription.Delivery;
import org.noticeline.subscription.DeliveryStatus;
import org.noticeline.subscription.Subscription;
import org.noticeline.subscription.SubscriptionStatus;
import org.noticeline.subscription.SubscriptionWorker;
import org.noticeline.time.AppClock;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Every {@code noticeline.email.tick}, on each replica: expires unconfirmed sign-ups, and for each digest subscriber
 * whose digest time has come turns the changes held for it into one digest delivery (the shared sender sends and
 * retries it like any other), then schedules the next. Under the subscription's row lock with the due time checked
 * again, so replicas racing for one subscriber make one digest. A period with nothing held sends nothing.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);
    static final String DIGEST = "digest";
    private static final int DUE_BATCH = 100;

    @Inject
    EntityManager em;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;
    @Inject
    EmailSubscriptions subscriptions;
    @Inject
    SubscriptionWorker worker;
    @Inject
    ObjectMapper json;

    @Scheduled(identity = "email-tick", every = "${noticeline.email.tick:30s}", delayed = "${noticeline.email.tick:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "an e-mail round failed; trying again in %s", config.email().tick());
        }
    }

    /** One round: expiry, then every due digest; answers how many digests were made. Tests call it after moving the clock. */
    public int run() {
        subscriptions.expire();
        int released = subscriptions.releaseHeldOfImmediate();
        int made = 0;
        List<String> due;
        do {
            due = due();
            for (String id : due) {
                if (digest(id)) {
                    made++;
                }
            }
        } while (due.size() == DUE_BATCH);
        if (made + released > 0) {
            worker.wake();
        }
        return made;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<String> due() {
        return ((List<Object>) em.createNativeQuery("select id from subscription where channel = 'email' and status = 'active'"
                        + " and next_digest_at <= ?1 order by next_digest_at, id")
                .setParameter(1, clock.now()).setMaxResults(DUE_BATCH).getResultList()).stream().map(Object::toString).toList();
    }

    /** Makes one subscriber's digest, if it is still due; answers whether a digest delivery was made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean digest(String id) {
        Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        if (s == null || s.channel != Channel.EMAIL || s.status != SubscriptionStatus.ACTIVE || !s.digest()
                || s.nextDigestAt == null || s.nextDigestAt.isAfter(now)) {
            return false;
        }
        s.nextDigestAt = subscriptions.schedule().next(now, ZoneId.of(s.timeZone), s.frequency);
        List<Delivery> held = Delivery.list("subscriptionId = ?1 and status = ?2 order by seq", s.id, DeliveryStatus.HELD);
        if (held.isEmpty()) {
            return false;
        }
        int max = config.email().digestMaxItems();
        ObjectNode payload = json.createObjectNode().put("type", DIGEST).put("frequency", s.frequency.id()).put("at", now.toString());
        ArrayNode items = payload.putArray("items");
        for (Delivery d : held.subList(0, Math.min(max, held.size()))) {
            items.add(read(d.payload));
        }
        payload.put("more", Math.max(0, held.size() - max));
        Delivery digest = new Delivery();
        digest.subscriptionId = s.id;
        digest.eventType = DIGEST;
        digest.messageId = "msg_" + s.id.substring(4) + "_digest_" + now.toEpochMilli();
        digest.payload = payload.toString();
        digest.status = DeliveryStatus.PENDING;
        digest.createdAt = now;
        digest.nextAttemptAt = now;
        digest.persist();
        for (Delivery d : held) {
            d.status = DeliveryStatus.DIGESTED;
            d.digestId = digest.id;
        }
        return true;
    }

    private com.fasterxml.jackson.databind.JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is JSON", e);
        }
    }
}
