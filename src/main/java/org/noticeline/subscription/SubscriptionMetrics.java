package org.noticeline.subscription;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of deliveries: {@code noticeline_deliveries_pending} and {@code _dead} (gauges, refreshed by
 * each replica's worker from the database), {@code noticeline_deliveries_sent_total} and {@code _failed_total} (this
 * replica's attempts), {@code noticeline_delivery_latency_seconds} (from planning to delivery) and
 * {@code noticeline_subscription_planner_lag} (changes in the log not yet planned), and
 * {@code noticeline_emails_sent_total} by {@code kind} (confirmation, immediate, digest: mails the SMTP relay accepted).
 */
@ApplicationScoped
public class SubscriptionMetrics {

    @Inject
    MeterRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();

    @PostConstruct
    void register() {
        registry.gauge("noticeline.deliveries.pending", pending);
        registry.gauge("noticeline.deliveries.dead", dead);
        registry.gauge("noticeline.subscription.planner.lag", lag);
    }

    void delivered(Channel channel, Duration latency) {
        Counter.builder("noticeline.deliveries.sent").tag("channel", channel.id()).register(registry).increment();
        Timer.builder("noticeline.delivery.latency").tag("channel", channel.id()).register(registry).record(latency);
    }

    /** One mail accepted by the relay; {@code kind} is confirmation, immediate or digest. */
    public void emailSent(String kind) {
        Counter.builder("noticeline.emails.sent").tag("kind", kind).register(registry).increment();
    }

    void failed(Channel channel) {
        Counter.builder("noticeline.deliveries.failed").tag("channel", channel.id()).register(registry).increment();
    }

    void observed(long pendingCount, long deadCount, long plannerLag) {
        pending.set(pendingCount);
        dead.set(deadCount);
        lag.set(Math.max(0, plannerLag));
    }
}
