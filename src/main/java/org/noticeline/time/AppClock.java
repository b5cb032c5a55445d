package org.noticeline.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.domain.ConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time schedules run on (webhook retries, leases, pausing, retention): the system clock plus an offset that only
 * moves forward, and only when {@code noticeline.clock.movable} is true (tests). Each replica has its own offset.
 */
@ApplicationScoped
public class AppClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Inject
    NoticelineConfig config;

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public boolean movable() {
        return config.clock().movable();
    }

    /** Moves the clock forward by {@code by}; answers the new offset. Refused unless the clock is movable. */
    public Duration advance(Duration by) {
        if (!movable()) {
            throw new ConflictException("the clock is not movable here (noticeline.clock.movable=false)");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return offset.updateAndGet(o -> o.plus(by));
    }

    public Duration offset() {
        return offset.get();
    }
}
