package org.noticeline.subscription;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeConsumer;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.changelog.Daemon;
import org.noticeline.changelog.Wakeup;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Each replica's delivery loop: plan, then send what is due, whenever the change log reports a public change from any
 * replica ({@link ChangeConsumer}, within about a second), when this replica queued a ping or redelivery, and every
 * {@code noticeline.subscriptions.tick} otherwise (retries come due with time alone). Each round also pauses the
 * subscriptions of revoked or expired tokens, refreshes the gauges, and once a minute deletes delivery records older
 * than {@code noticeline.subscriptions.retention}.
 */
@ApplicationScoped
public class SubscriptionWorker implements ChangeConsumer {

    private static final Logger LOG = Logger.getLogger(SubscriptionWorker.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @Inject
    DeliveryPlanner planner;
    @Inject
    DeliverySender sender;
    @Inject
    SubscriptionMetrics metrics;
    @Inject
    ChangeLog log;
    @Inject
    EntityManager em;
    @Inject
    AppClock clock;
    @Inject
    NoticelineConfig config;

    private final Wakeup woken = new Wakeup();
    private volatile boolean running;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        if (!config.subscriptions().enabled()) {
            return;
        }
        running = true;
        thread = Daemon.start("subscription-worker", this::run);
    }

    /**
     * Stops the worker between two rounds and waits for it, before the database closes under it (a round cut off there
     * failed half-way with Hibernate's session gone). Never by interrupting it, for the same reason as the change
     * follower: an interrupt lands in the middle of a round's I/O.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        running = false;
        woken.raise();
        Daemon.awaitStop(thread, STOP_WAIT);
    }

    @Override
    public void apply(List<Change> changes) {
        if (changes.stream().anyMatch(Change::visible)) {
            wake();
        }
    }

    /** Planning goes on after {@link #apply} returns: where the planners of all replicas stand is the lag that matters. */
    @Override
    public OptionalLong done() {
        return OptionalLong.of(planner.position());
    }

    /** Runs a round soon, on this replica's worker thread. */
    public void wake() {
        woken.raise();
    }

    private void run() {
        while (running) {
            try {
                round();
            } catch (RuntimeException e) {
                LOG.warnf(e, "a delivery round failed; trying again in %s", config.subscriptions().tick());
            }
            try {
                woken.await(config.subscriptions().tick());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: what the loop does each time; tests call it to run one now. */
    public void round() {
        pauseOrphans();
        planner.planAll();
        sender.sendDue();
        if (clock.now().isAfter(lastCleanup.plus(CLEANUP_EVERY))) {
            cleanup();
            lastCleanup = clock.now();
        }
        observe();
    }

    /** Pauses active subscriptions whose owner token was revoked or has expired, saying so. */
    @Transactional
    public int pauseOrphans() {
        Instant now = Instant.now();
        return em.createNativeQuery("update subscription set status = 'paused', status_reason = ?1, updated_at = ?2"
                        + " where status = 'active' and owner_token_id in"
                        + " (select id from api_token where revoked_at is not null or (expires_at is not null and expires_at < ?2))")
                .setParameter(1, "paused at " + now + ": the owner token was revoked or has expired")
                .setParameter(2, now).executeUpdate();
    }

    /** Deletes delivery records, and tombstones of deleted subscriptions, older than the retention; answers how many deliveries. */
    @Transactional
    public int cleanup() {
        Instant before = clock.now().minus(config.subscriptions().retention());
        // A running index reads tombstones every round; one kept for the retention is read by every replica that runs.
        em.createNativeQuery("delete from subscription_removed where removed_at < ?1").setParameter(1, before).executeUpdate();
        return em.createNativeQuery("delete from delivery where created_at < ?1 and (lease_until is null or lease_until < ?2)")
                .setParameter(1, before)
                .setParameter(2, clock.now()).executeUpdate();
    }

    @Transactional
    void observe() {
        long pending = ((Number) em.createNativeQuery("select count(*) from delivery where status = 'pending'").getSingleResult()).longValue();
        long dead = ((Number) em.createNativeQuery("select count(*) from delivery where status = 'dead'").getSingleResult()).longValue();
        metrics.observed(pending, dead, log.head() - planner.position());
    }
}
