package org.noticeline.changelog;

import java.time.Duration;

/**
 * The background threads of a replica's loops (the change follower, the subscription worker, start-up work): daemons,
 * so a stuck one never holds the process, and stopped by asking and waiting, never by interrupting, since an interrupt
 * that lands in file or database I/O breaks what the loop was writing (Lucene's writer, Hibernate's session).
 */
public final class Daemon {

    private Daemon() {
    }

    public static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits up to {@code timeout} for a thread that has been asked to stop; null (never started) is stopped. */
    public static void awaitStop(Thread thread, Duration timeout) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
