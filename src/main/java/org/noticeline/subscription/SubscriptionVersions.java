package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeline.time.AppClock;

/**
 * The numbers that keep every replica's {@link SubscriptionIndex} in step with the database. A write that changes what
 * planning reads of a subscription (its filter, events or start, whether it is disabled, the row itself) stamps it
 * with {@link #next()} in the writing transaction; a deletion records a tombstone with {@link #removed}. The counter's
 * row stays locked until the writer commits, so the next writer gets its number only after that: once the counter
 * reads {@code n}, every write numbered up to {@code n} has committed, and an index that has read up to {@code n}
 * misses none (the trap {@link org.noticeline.changelog.ChangeLog} avoids for changes, avoided here by serialising
 * subscription writes, which are rare).
 */
@ApplicationScoped
public class SubscriptionVersions {

    @Inject
    EntityManager em;
    @Inject
    AppClock clock;

    /** Takes the next number, for the caller's transaction to stamp the subscriptions it writes with. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next() {
        em.createNativeQuery("update subscription_version set version = version + 1 where name = 'index'").executeUpdate();
        return current();
    }

    /** Stamps one subscription as changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Subscription subscription) {
        subscription.indexVersion = next();
    }

    /** Records that {@code subscriptionId} is deleted (in the deleting transaction), so that indexes drop it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(String subscriptionId) {
        em.createNativeQuery("insert into subscription_removed (subscription_id, index_version, removed_at) values (?1, ?2, ?3)")
                .setParameter(1, subscriptionId).setParameter(2, next()).setParameter(3, clock.now()).executeUpdate();
    }

    /** The last number taken: every write stamped with it or less has committed. */
    @Transactional
    public long current() {
        return ((Number) em.createNativeQuery("select version from subscription_version where name = 'index'").getSingleResult()).longValue();
    }
}
