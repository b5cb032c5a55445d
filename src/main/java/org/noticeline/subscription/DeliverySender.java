package org.noticeline.subscription;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due deliveries, a batch ({@code noticeline.subscriptions.batch}) at a time: claims them with a row lease (a
 * short transaction: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so replicas claim different rows; a plain
 * {@code FOR UPDATE} on H2), sends them outside any transaction through their channel's {@link ChannelSender},
 * {@code noticeline.subscriptions.senders} at once, then records the batch's outcomes in one transaction
 * ({@link DeliveryOutcomes}), each only if the lease is still its own. A replica killed mid-send leaves a lease that runs out; the delivery is claimed again and sent with the same
 * message id.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    @Inject
    EntityManager em;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;
    @Inject
    Instance<ChannelSender> senders;
    @Inject
    DeliveryOutcomes outcomes;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final String replica = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();
    private ExecutorService pool;

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(Math.max(1, config.subscriptions().senders()), r -> {
                Thread t = new Thread(r, "delivery-sender");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    @PreDestroy
    synchronized void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Claims, sends and records due deliveries until none are due; answers how many were attempted. */
    public int sendDue() {
        int attempted = 0;
        while (true) {
            // Taken before the claim, so the lease ends no earlier than this plus the lease.
            Instant claimedAt = clock.now();
            List<ChannelSender.Outgoing> claimed = claim(config.subscriptions().batch());
            if (claimed.isEmpty()) {
                return attempted;
            }
            List<Attempt> attempts;
            try {
                attempts = sendAll(claimed, claimedAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return attempted;
            }
            try {
                outcomes.record(attempts);
            } catch (RuntimeException e) {
                LOG.errorf(e, "recording %d attempts failed; their leases run out and they are sent again", attempts.size());
            }
            attempted += claimed.size();
            if (claimed.size() < config.subscriptions().batch()) {
                return attempted;
            }
        }
    }

    /**
     * Sends a claimed batch, {@code noticeline.subscriptions.senders} at a time. A send starts only while the lease
     * still covers it to its timeout: one that waited its turn behind slow receivers past that goes back unsent, or it
     * would go out after another replica claimed it again (twice).
     */
    private List<Attempt> sendAll(List<ChannelSender.Outgoing> claimed, Instant claimedAt) throws InterruptedException {
        Duration lease = config.subscriptions().lease();
        Duration timeout = config.outbound().timeout();
        Instant lastStart = claimedAt.plus(lease).minus(timeout.compareTo(lease) < 0 ? timeout : Duration.ZERO);
        List<Future<ChannelSender.SendResult>> sends = new ArrayList<>();
        for (ChannelSender.Outgoing outgoing : claimed) {
            sends.add(pool().submit(() -> clock.now().isAfter(lastStart) ? null : send(outgoing)));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            try {
                attempts.add(new Attempt(claimed.get(i), sends.get(i).get()));
            } catch (ExecutionException e) {
                // send() answers every failure; this is a bug, and the delivery goes back unsent.
                LOG.errorf(e, "sending delivery %d failed unexpectedly", claimed.get(i).deliveryId());
                attempts.add(new Attempt(claimed.get(i), null));
            }
        }
        return attempts;
    }

    ChannelSender.SendResult send(ChannelSender.Outgoing outgoing) {
        for (ChannelSender sender : senders) {
            if (sender.channel() == outgoing.channel()) {
                try {
                    return sender.send(outgoing);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "sending delivery %d failed unexpectedly", outgoing.deliveryId());
                    return ChannelSender.SendResult.failed(null, "could not send: " + e, Optional.empty());
                }
            }
        }
        return ChannelSender.SendResult.failed(null, "no sender for channel " + outgoing.channel().id(), Optional.empty());
    }

    /**
     * Leases up to {@code max} due deliveries of active subscriptions to this replica for {@code noticeline.subscriptions.lease},
     * in one short transaction of three statements, and answers them with what sending needs. A subscription paused
     * while failing still has the deliveries it was already retrying tried until their schedule is spent: the pause
     * after a day of failures falls, with the retries' jitter, anywhere around the last attempts, and must not leave a
     * delivery neither sent nor dead; the deliveries never tried wait for the resume.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<ChannelSender.Outgoing> claim(int max) {
        Instant now = clock.now();
        // Walks ix_delivery_due in order and stops at max; each row's subscription is one primary-key lookup (an IN over
        // the subscriptions, correlated through attempts, was evaluated again for every pending row).
        List<Long> ids = ((List<Object>) em.createNativeQuery("select d.id from delivery d where d.status = 'pending' and d.next_attempt_at <= ?1"
                        + " and (d.lease_until is null or d.lease_until < ?1)"
                        + " and exists (select 1 from subscription s where s.id = d.subscription_id and (s.status = 'active'"
                        + " or (s.status = 'paused' and s.failing_since is not null and d.attempts > 0)"
                        // An unconfirmed e-mail sign-up is sent its confirmation and nothing else.
                        + " or (s.status = 'unconfirmed' and d.event_type = 'confirmation')))"
                        + " order by d.next_attempt_at, d.id limit " + max + (postgres() ? " for update of d skip locked" : " for update"))
                .setParameter(1, now).getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String lease = replica + "-" + claims.incrementAndGet();
        em.createQuery("update Delivery d set d.leaseUntil = ?1, d.leasedBy = ?2 where d.id in ?3")
                .setParameter(1, now.plus(config.subscriptions().lease())).setParameter(2, lease).setParameter(3, ids).executeUpdate();
        Map<Long, Delivery> deliveries = Delivery.<Delivery>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
        Map<String, Subscription> subscriptions = Subscription.<Subscription>list("id in ?1",
                        deliveries.values().stream().map(d -> d.subscriptionId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<ChannelSender.Outgoing> claimed = new ArrayList<>();
        for (Long id : ids) {
            Delivery delivery = deliveries.get(id);
            Subscription subscription = subscriptions.get(delivery.subscriptionId);
            claimed.add(new ChannelSender.Outgoing(delivery.id, lease, subscription.id, subscription.channel, subscription.target,
                    subscription.signingSecrets(now), delivery.messageId, delivery.eventType, delivery.payload, delivery.createdAt));
        }
        return claimed;
    }

    /** Records one attempt's outcome, unless the lease ran out and another sender took the delivery meanwhile. */
    public void record(ChannelSender.Outgoing outgoing, ChannelSender.SendResult result) {
        outcomes.record(List.of(new Attempt(outgoing, result)));
    }

    private boolean postgres() {
        return dbKind.startsWith("postgres");
    }
}
