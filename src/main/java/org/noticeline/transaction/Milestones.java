package org.noticeline.transaction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the service has finished on this database, so that a start need not look again ({@code app_milestone}): a
 * one-off upgrade step, or the corpus as it was last loaded. Names are at most 64 characters.
 */
@ApplicationScoped
public class Milestones {

    private static final Logger LOG = Logger.getLogger(Milestones.class);

    @Inject
    EntityManager em;

    /** Whether {@code name} is recorded, read in a transaction of its own. */
    public boolean reached(String name) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("select name from app_milestone where name = ?1")
                .setParameter(1, name).getResultList().isEmpty());
    }

    /** Records {@code name} in a transaction of its own; another replica recording it first is no error. */
    public void reach(String name) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into app_milestone (name, reached_at) select ?1, ?2"
                    + " where not exists (select 1 from app_milestone where name = ?1)").setParameter(1, name)
                    .setParameter(2, Instant.now().atOffset(ZoneOffset.UTC)).executeUpdate());
        } catch (PersistenceException raced) {
            LOG.debugf("another replica recorded %s first", name);
        }
    }

    /**
     * Records {@code name} in the caller's transaction in place of every milestone named {@code prefix...}: one of a
     * kind, such as the corpus last loaded. The caller holds the lock that orders such writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String prefix, String name, Instant at) {
        em.createNativeQuery("delete from app_milestone where name like ?1").setParameter(1, prefix + "%").executeUpdate();
        em.createNativeQuery("insert into app_milestone (name, reached_at) values (?1, ?2)").setParameter(1, name)
                .setParameter(2, at.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
