package org.noticeline.changelog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.noticeline.config.NoticelineConfig;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This replica's reader of the log: it numbers what can be numbered and hands every new change to each
 * {@link ChangeConsumer}. It wakes when a transaction of this replica commits changes, when PostgreSQL notifies
 * that another replica's did ({@code LISTEN}), and otherwise every {@code noticeline.changes.poll-interval}, which
 * covers a lost connection and a notification missed while it was numbering. How far behind the head each consumer
 * is, is the gauge {@code noticeline_changelog_consumer_lag{consumer="..."}}.
 */
@ApplicationScoped
public class ChangeFollower {

    private static final Logger LOG = Logger.getLogger(ChangeFollower.class);
    private static final int BATCH = 1_000;
    private static final long HEAD_TTL_NANOS = 1_000_000_000L;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @Inject
    ChangeLog log;
    @Inject
    ChangeSignal signal;
    @Inject
    Instance<ChangeConsumer> consumers;
    @Inject
    NoticelineConfig config;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Filled and read on the follower's thread only. */
    private final List<Follower> followers = new ArrayList<>();
    private volatile boolean running;
    private volatile long position;
    private Thread thread;
    private Connection listening;
    private long lastHead;
    private long headReadAt;

    /** A consumer and the last sequence number it has been handed (read by metrics scrapes too). */
    private static final class Follower {
        final ChangeConsumer consumer;
        volatile long position;

        Follower(ChangeConsumer consumer, long position) {
            this.consumer = consumer;
            this.position = position;
        }

        /** Where the consumer stands: what it says it has done, or else what it has been handed. */
        long done() {
            return consumer.done().orElse(position);
        }

        /** The bean's class without the suffixes of the proxies and subclasses the container makes. */
        String name() {
            String name = consumer.getClass().getSimpleName();
            return name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
        }
    }

    /**
     * The consumers are opened on the follower's thread, not on start-up's: opening the search index alone is a tenth of
     * our start-up work, and a consumer that is not ready says so (searches are refused until the index is open).
     */
    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = Daemon.start("change-follower", this::run);
    }

    /** Asks each consumer where it stopped, from the head of the log as it is now. */
    private void resume() {
        long head = log.head();
        consumers.forEach(c -> followers.add(new Follower(c, c.resumeAfter(head))));
        for (Follower follower : followers) {
            Gauge.builder("noticeline.changelog.consumer.lag", follower, f -> Math.max(0, head() - f.done()))
                    .description("changes in the log that this replica's consumer has not applied yet (head minus its position)")
                    .tag("consumer", follower.name()).register(registry);
        }
        position = head;
    }

    /**
     * Stops the follower between two batches and waits for it, before the consumers close (hence the early priority).
     * Never by interrupting it: an interrupt that lands in a consumer's file I/O closes the channel under it, which
     * leaves Lucene's writer unable to commit, so the next start would rebuild the search index from nothing.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        running = false;
        signal.raise();
        closeListening();
        Daemon.awaitStop(thread, STOP_WAIT.plus(config.changes().pollInterval()));
    }

    /**
     * The head of the log for the lag gauges, read at most once a second whatever the number of consumers and
     * scrapes. Read from the database, not from this follower, so that the lag shows when the follower is stuck.
     */
    private synchronized long head() {
        long now = System.nanoTime();
        if (headReadAt == 0 || now - headReadAt > HEAD_TTL_NANOS) {
            lastHead = log.head();
            headReadAt = now;
        }
        return lastHead;
    }

    /** The last sequence number every consumer has been handed. */
    public long position() {
        return position;
    }

    private void run() {
        if (!resumed()) {
            return;
        }
        while (running) {
            try {
                catchUp();
                waitForChanges();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "following the change log failed; trying again in %s", config.changes().pollInterval());
                sleep();
            }
        }
    }

    /** Resumes the consumers, trying again after a failure (the database unreachable) until it works or the follower stops. */
    private boolean resumed() {
        while (running) {
            try {
                resume();
                return true;
            } catch (RuntimeException e) {
                LOG.warnf(e, "opening the change log's consumers failed; trying again in %s", config.changes().pollInterval());
                followers.clear();
                sleep();
            }
        }
        return false;
    }

    /** Hands every numbered change after each consumer's position to it, batch by batch. */
    void catchUp() {
        while (running) {
            long from = followers.stream().mapToLong(f -> f.position).min().orElse(position);
            List<Change> batch = log.read(from, BATCH, true);
            if (batch.isEmpty()) {
                break;
            }
            long last = batch.get(batch.size() - 1).seq();
            for (Follower follower : followers) {
                List<Change> news = batch.stream().filter(c -> c.seq() > follower.position).toList();
                if (!news.isEmpty()) {
                    try {
                        follower.consumer.apply(news);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "%s could not apply changes %d to %d", follower.consumer.getClass().getSimpleName(),
                                news.get(0).seq(), last);
                    }
                }
                follower.position = Math.max(follower.position, last);
            }
            position = Math.max(position, last);
            if (batch.size() < BATCH) {
                break;
            }
        }
    }

    private void waitForChanges() throws InterruptedException {
        if (!log.postgres()) {
            signal.await(config.changes().pollInterval());
            return;
        }
        try {
            if (listening == null) {
                listening = user.isPresent() ? DriverManager.getConnection(jdbcUrl, user.get(), password.orElse(""))
                        : DriverManager.getConnection(jdbcUrl);
                try (Statement listen = listening.createStatement()) {
                    listen.execute("listen " + ChangeLog.CHANNEL);
                }
            }
            listening.unwrap(PGConnection.class).getNotifications((int) config.changes().pollInterval().toMillis());
        } catch (SQLException e) {
            if (running) {
                LOG.debugf("listening for changes failed (%s); polling", e.getMessage());
            }
            closeListening();
            signal.await(config.changes().pollInterval());
        }
    }

    private synchronized void closeListening() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // Closing a broken connection: nothing left to release.
            }
            listening = null;
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.changes().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
