package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.time.AppClock;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Records what a batch of attempts came to, in one transaction, each only where the lease is still the sender's own
 * (a sender whose lease ran out lost the delivery to another, whose outcome counts). Successes, nearly all of them,
 * are one batched conditional update; failures go one by one, since each decides a retry, a dead letter, a disabled
 * or a paused subscription.
 * <p>
 * Locks are taken in one order, subscriptions (by id) before deliveries (by id), as deleting a subscription does, so
 * that two replicas recording, or one recording and one deleting, never wait for each other in a circle; only
 * subscriptions that change are locked.
 */
@ApplicationScoped
class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    private static final int MAX_ERROR = 1000;

    @Inject
    EntityManager em;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;
    @Inject
    SubscriptionMetrics metrics;
    @Inject
    SubscriptionVersions versions;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(List<Attempt> attempts) {
        List<Attempt> ordered = attempts.stream().sorted(Comparator.comparingLong(a -> a.outgoing().deliveryId())).toList();
        List<Attempt> delivered = ordered.stream().filter(a -> a.sent() && a.result().delivered()).toList();
        List<Attempt> failed = ordered.stream().filter(a -> a.sent() && !a.result().delivered()).toList();
        List<Attempt> unsent = ordered.stream().filter(a -> !a.sent()).toList();
        TreeSet<String> recovering = failing(delivered);
        TreeSet<String> locked = new TreeSet<>(recovering);
        failed.forEach(a -> locked.add(a.outgoing().subscriptionId()));
        lock(locked);
        Instant now = clock.now();
        List<String> succeeded = succeed(delivered, now);
        succeeded.retainAll(recovering);
        if (!succeeded.isEmpty()) {
            em.createQuery("update Subscription s set s.failingSince = null where s.id in ?1").setParameter(1, succeeded).executeUpdate();
        }
        failed.forEach(a -> fail(a.outgoing(), a.result(), now));
        release(unsent);
    }

    /** The subscriptions among those of {@code delivered} that are failing: a success ends that. */
    private TreeSet<String> failing(List<Attempt> delivered) {
        List<String> ids = delivered.stream().map(a -> a.outgoing().subscriptionId()).distinct().toList();
        return ids.isEmpty() ? new TreeSet<>() : new TreeSet<>(em.createQuery("select s.id from Subscription s where s.id in ?1"
                + " and s.failingSince is not null", String.class).setParameter(1, ids).getResultList());
    }

    private void lock(TreeSet<String> subscriptionIds) {
        if (!subscriptionIds.isEmpty()) {
            // FOR NO KEY UPDATE on PostgreSQL, so the planner's inserts (whose foreign keys take a key-share lock) go on.
            em.createNativeQuery("select id from subscription where id in (:ids) order by id" + (postgres() ? " for no key update" : " for update"))
                    .setParameter("ids", List.copyOf(subscriptionIds)).getResultList();
        }
    }

    /** Marks the deliveries delivered whose lease is still ours; answers their subscriptions. */
    private List<String> succeed(List<Attempt> delivered, Instant now) {
        List<String> subscriptions = new ArrayList<>();
        if (delivered.isEmpty()) {
            return subscriptions;
        }
        int[] counts = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update delivery set status = 'delivered', attempts = attempts + 1,"
                    + " last_attempt_at = ?, delivered_at = ?, response_status = ?, next_attempt_at = null, last_error = null,"
                    + " lease_until = null, leased_by = null where id = ? and leased_by = ?")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                for (Attempt attempt : delivered) {
                    update.setObject(1, at);
                    update.setObject(2, at);
                    if (attempt.result().status() == null) {
                        update.setNull(3, Types.INTEGER);
                    } else {
                        update.setInt(3, attempt.result().status());
                    }
                    update.setLong(4, attempt.outgoing().deliveryId());
                    update.setString(5, attempt.outgoing().lease());
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
        for (int i = 0; i < delivered.size(); i++) {
            ChannelSender.Outgoing outgoing = delivered.get(i).outgoing();
            // SUCCESS_NO_INFO (-2): the driver did not count, and the update ran; only 0 means the lease was lost.
            if (counts[i] == 0) {
                LOG.debugf("delivery %d: lease %s lost before its outcome was recorded", outgoing.deliveryId(), outgoing.lease());
                continue;
            }
            metrics.delivered(outgoing.channel(), Duration.between(outgoing.createdAt(), now));
            subscriptions.add(outgoing.subscriptionId());
        }
        return subscriptions;
    }

    private void fail(ChannelSender.Outgoing outgoing, ChannelSender.SendResult result, Instant now) {
        Delivery delivery = em.find(Delivery.class, outgoing.deliveryId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !outgoing.lease().equals(delivery.leasedBy)) {
            LOG.debugf("delivery %d: lease %s lost before its outcome was recorded", outgoing.deliveryId(), outgoing.lease());
            return;
        }
        Subscription subscription = em.find(Subscription.class, delivery.subscriptionId);
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.responseStatus = result.status();
        delivery.leaseUntil = null;
        delivery.leasedBy = null;
        metrics.failed(outgoing.channel());
        delivery.lastError = truncate(result.error());
        if (result.gone()) {
            delivery.status = DeliveryStatus.DEAD;
            delivery.nextAttemptAt = null;
            if (subscription != null && subscription.status != SubscriptionStatus.DISABLED) {
                subscription.status = SubscriptionStatus.DISABLED;
                subscription.statusReason = "disabled at " + now + ": " + result.error();
                subscription.updatedAt = now;
                versions.changed(subscription);
            }
            return;
        }
        RetrySchedule schedule = new RetrySchedule(config.subscriptions().retrySchedule(), config.subscriptions().retryAfterMax());
        Optional<Duration> wait = delivery.retried() ? schedule.after(delivery.attempts, result.retryAfter()) : Optional.empty();
        if (wait.isPresent()) {
            delivery.nextAttemptAt = now.plus(wait.get());
        } else {
            // A ping is tried once; a change once its schedule is spent: dead, until someone redelivers it.
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

    /** Gives back claimed deliveries that were not sent, so any sender may claim them at once. */
    private void release(List<Attempt> unsent) {
        for (Attempt attempt : unsent) {
            em.createQuery("update Delivery d set d.leaseUntil = null, d.leasedBy = null where d.id = ?1 and d.leasedBy = ?2")
                    .setParameter(1, attempt.outgoing().deliveryId()).setParameter(2, attempt.outgoing().lease()).executeUpdate();
        }
    }

    private boolean postgres() {
        return dbKind.startsWith("postgres");
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
