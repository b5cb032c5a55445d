package org.noticeline.changelog;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a worker thread that otherwise waits for its poll interval: any number of {@link #raise}s while it works
 * make one wake-up, none is lost.
 */
public class Wakeup {

    private final Semaphore raised = new Semaphore(0);

    public void raise() {
        if (raised.availablePermits() == 0) {
            raised.release();
        }
    }

    /** Waits until raised or {@code timeout} passes. */
    public void await(Duration timeout) throws InterruptedException {
        if (raised.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            raised.drainPermits();
        }
    }
}
