package org.noticeline.transaction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.jboss.logging.Logger;
import org.noticeline.domain.ConflictException;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Starting a unit of work again after it lost a race. Writers lock the rows they change, so a second attempt
 * sees the winner's commit and decides afresh (unchanged, conflict, a new revision); a race that keeps being
 * lost ends as a {@link ConflictException}, never as an error of the server.
 */
public final class Retries {

    static final int ATTEMPTS = 6;
    private static final Logger LOG = Logger.getLogger(Retries.class);
    /**
     * A unique key taken meanwhile, serialization failure, deadlock, lock not available, H2's lock timeout and concurrent
     * update. Other integrity violations (a null, a missing foreign key) are bugs, and trying again would only hide them.
     */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00", "90131");

    private Retries() {
    }

    /** Runs {@code work} in a new transaction, again while it loses races. */
    public static <T> T inNewTransaction(Supplier<T> work) {
        return attempt(() -> QuarkusTransaction.requiringNew().call(work::get));
    }

    static <T> T attempt(Callable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (Exception e) {
                if (!lostRace(e)) {
                    throw rethrow(e);
                }
                if (attempt == ATTEMPTS) {
                    LOG.warnf("gave up after %d attempts lost to concurrent writers: %s", ATTEMPTS, e);
                    throw new ConflictException("concurrent writes to the same record kept getting in the way; try again");
                }
                LOG.debugf("attempt %d lost a race (%s); trying again", attempt, e);
                pause(attempt);
            }
        }
    }

    /** True when {@code e} says another transaction got there first, anywhere in its causes. */
    static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting to retry a write");
        }
    }

    private static RuntimeException rethrow(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
}
