package org.noticeline.ingest.feed;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.noticeline.config.NoticelineConfig;

/** Every {@code noticeline.feeds.tick}, each replica polls the sources that are due; nothing when feeds are disabled. */
@ApplicationScoped
public class FeedSchedule {

    @Inject
    FeedPoller poller;

    @Scheduled(identity = "feed-tick", every = "${noticeline.feeds.tick:30s}", delayed = "${noticeline.feeds.tick:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = FeedsDisabled.class)
    void tick() {
        poller.pollDue();
    }

    /** Skips the tick while {@code noticeline.feeds.enabled} is false (tests call the poller themselves). */
    @Singleton
    public static class FeedsDisabled implements Scheduled.SkipPredicate {

        @Inject
        NoticelineConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.feeds().enabled();
        }
    }
}
