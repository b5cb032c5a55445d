package org.noticeline.subscription;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends due deliveries: claims them with a row lease (a short transaction: {@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL, so replicas claim different rows; a plain {@code FOR UPDATE} on H2), sends them outside any
 * transaction through their channel's {@link ChannelSender}, then records each outcome, if the lease is still its
 * own. A replica killed mid-send leaves a lease that runs out; the delivery is claimed again and sent with the same
 * message id.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    private static final int MAX_ERROR = 1000;

    @Inject
    EntityManager em;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;
    @Inject
    Instance<ChannelSender> senders;
    @Inject
    SubscriptionMetrics metrics;
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
            // A send starts only while the lease still covers it to its timeout: one that waited its turn behind slow
            // receivers past that is released instead, or it would go out after another replica claimed it again (twice).
            Duration lease = config.subscriptions().lease();
            Duration timeout = config.outbound().timeout();
            Instant lastStart = claimedAt.plus(lease).minus(timeout.compareTo(lease) < 0 ? timeout : Duration.ZERO);
            List<Future<?>> sends = new ArrayList<>();
            for (ChannelSender.Outgoing outgoing : claimed) {
                sends.add(pool().submit(() -> {
                    if (clock.now().isAfter(lastStart)) {
                        release(outgoing);
                    } else {
                        record(outgoing, send(outgoing));
                    }
                }));
            }
            for (Future<?> send : sends) {
                try {
                    send.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted;
                } catch (Exception e) {
                    LOG.errorf(e, "recording a delivery failed; its lease runs out and it is sent again");
                }
            }
            attempted += claimed.size();
            if (claimed.size() < config.subscriptions().batch()) {
                return attempted;
            }
        }
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
     * in one short transaction, and answers them with what sending needs. A subscription paused while failing still has
     * the deliveries it was already retrying tried until their schedule is spent: the pause after a day of failures
     * falls, with the retries' jitter, anywhere around the last attempts, and must not leave a delivery neither sent
     * nor dead; the deliveries never tried wait for the resume.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<ChannelSender.Outgoing> claim(int max) {
        Instant now = clock.now();
        List<Object> ids = em.createNativeQuery("select id from delivery where status = 'pending' and next_attempt_at <= ?1"
                        + " and (lease_until is null or lease_until < ?1)"
                        + " and subscription_id in (select id from subscription where status = 'active'"
                        + " or (status = 'paused' and failing_since is not null and delivery.attempts > 0)"
                        // An unconfirmed e-mail sign-up is sent its confirmation and nothing else.
                        + " or (status = 'unconfirmed' and delivery.event_type = 'confirmation'))"
                        + " order by next_attempt_at, id limit " + max + (postgres() ? " for update skip locked" : " for update"))
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String lease = replica + "-" + claims.incrementAndGet();
        Instant until = now.plus(config.subscriptions().lease());
        List<ChannelSender.Outgoing> claimed = new ArrayList<>();
        for (Object id : ids) {
            Delivery delivery = em.find(Delivery.class, ((Number) id).longValue());
            delivery.leaseUntil = until;
            delivery.leasedBy = lease;
            Subscription subscription = em.find(Subscription.class, delivery.subscriptionId);
            claimed.add(new ChannelSender.Outgoing(delivery.id, lease, subscription.id, subscription.channel, subscription.target,
                    subscription.signingSecrets(now), delivery.messageId, delivery.eventType, delivery.payload, delivery.createdAt));
        }
        return claimed;
    }

    /** Gives back a claimed delivery that was not sent, so any sender may claim it at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(ChannelSender.Outgoing outgoing) {
        em.createNativeQuery("update delivery set lease_until = null, leased_by = null where id = ?1 and leased_by = ?2")
                .setParameter(1, outgoing.deliveryId()).setParameter(2, outgoing.lease()).executeUpdate();
    }

    /** Records an attempt's outcome, unless the lease ran out and another sender took the delivery meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ChannelSender.Outgoing outgoing, ChannelSender.SendResult result) {
        Delivery delivery = em.find(Delivery.class, outgoing.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !outgoing.lease().equals(delivery.leasedBy)) {
            LOG.debugf("delivery %d: lease %s lost before its outcome was recorded", outgoing.deliveryId(), outgoing.lease());
            return;
        }
        Subscription subscription = em.find(Subscription.class, delivery.subscriptionId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.responseStatus = result.status();
        delivery.leaseUntil = null;
        delivery.leasedBy = null;
        if (result.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            metrics.delivered(outgoing.channel(), Duration.between(delivery.createdAt, now));
            if (subscription != null && subscription.failingSince != null) {
                subscription.failingSince = null;
            }
            return;
        }
        metrics.failed(outgoing.channel());
        delivery.lastError = truncate(result.error());
        if (result.gone()) {
            delivery.status = DeliveryStatus.DEAD;
            delivery.nextAttemptAt = null;
            if (subscription != null) {
                subscription.status = SubscriptionStatus.DISABLED;
                subscription.statusReason = "disabled at " + now + ": " + result.error();
                subscription.updatedAt = now;
            }
            return;
        }
        RetrySchedule schedule = new RetrySchedule(config.subscriptions().retrySchedule(), config.subscriptions().retryAfterMax());
        Optional<Duration> wait = delivery.retried() ? schedule.after(delivery.attempts, result.retryAfter()) : Optional.empty();
        if (wait.isPresent()) {
            delivery.nextAttemptAt = now.plus(wait.get());
        } else {
            // A ping is tried once; anything else once its schedule is spent: dead, until someone redelivers it.
            delivery.status = DeliveryStatus.DEAD;
            delivery.nextAttemptAt = null;
        }
        if (subscription != null && delivery.retried()) {
            if (subscription.failingSince == null) {
                subscription.failingSince = now;
            } else if (subscription.status == SubscriptionStatus.ACTIVE && subscription.channel == Channel.WEBHOOK
                    && !subscription.failingSince.plus(config.subscriptions().pauseAfterFailing()).isAfter(now)) {
                subscription.status = SubscriptionStatus.PAUSED;
                subscription.statusReason = "paused at " + now + ": deliveries have failed since " + subscription.failingSince
                        + " (last: " + truncate(result.error()) + ")";
                subscription.updatedAt = now;
            }
        }
    }

    private boolean postgres() {
        return dbKind.startsWith("postgres");
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
