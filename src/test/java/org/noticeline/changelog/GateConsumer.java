package org.noticeline.changelog;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** A consumer that, while a test holds it closed, blocks the follower inside {@link #apply}: a consumer stuck on a batch. */
@ApplicationScoped
public class GateConsumer implements ChangeConsumer {

    private boolean closed;
    private boolean stuck;

    synchronized void close() {
        closed = true;
    }

    synchronized void open() {
        closed = false;
        notifyAll();
    }

    /** Whether the follower is waiting inside {@link #apply} now. */
    synchronized boolean stuck() {
        return stuck;
    }

    @Override
    public synchronized void apply(List<Change> changes) {
        stuck = closed;
        while (closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stuck = false;
    }
}
