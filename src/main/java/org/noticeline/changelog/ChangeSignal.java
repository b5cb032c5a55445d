package org.noticeline.changelog;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes this replica's follower when one of its own transactions committed changes (others' arrive by NOTIFY or polling). */
@ApplicationScoped
class ChangeSignal {

    private final Semaphore raised = new Semaphore(0);

    void raise() {
        if (raised.availablePermits() == 0) {
            raised.release();
        }
    }

    /** Waits until raised or {@code timeout} passes. */
    void await(Duration timeout) throws InterruptedException {
        if (raised.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            raised.drainPermits();
        }
    }
}
