package org.noticeline.changelog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;

/**
 * Appends changes in the writer's transaction and hands them out in sequence order.
 * <p>
 * The trap of a transactional outbox: numbers taken at insert time are not commit order. On PostgreSQL two writers
 * can take 41 and 42 and commit 42 first; a reader that saw 42 and asks for more than 42 never sees 41. So a row
 * gets its public {@code seq} only once no transaction that could still add a row before it is running: each row
 * records its transaction id, and {@link #number} (one replica at a time, under an advisory lock) numbers, in
 * append order, exactly the unnumbered rows whose transaction is older than the oldest one still running
 * ({@code pg_snapshot_xmin}). Every number it hands out is larger than every number handed out before, and a row
 * still unnumbered belongs to a transaction that had not ended, so it will be numbered later, above them. Writers
 * never wait for each other on this: ingest stays parallel.
 * <p>
 * H2 runs in one process and is the embedded default, so there writers simply take turns on the {@code changes}
 * row lock for the rest of their transaction and number their rows as they append them.
 */
@ApplicationScoped
public class ChangeLog {

    /** The most changes one read returns. */
    public static final int MAX_READ = 10_000;
    /** The PostgreSQL channel a commit that appended changes notifies, so followers wake at once. */
    static final String CHANNEL = "noticeline_changes";
    private static final long NUMBERING_LOCK = 0x6e6f7469636573L;
    private static final int NUMBERING_BATCH = 50_000;

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ChangeSignal signal;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /**
     * Called by a writer before it locks any notice: on H2 writers take turns from here to their commit, in one
     * lock order, so that the numbers they take are their commit order. On PostgreSQL it does nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beginWrite() {
        if (!postgres()) {
            em.createNativeQuery("select name from app_lock where name = 'changes' for update").getResultList();
        }
    }

    /** Appends one change to the caller's transaction: it exists when, and only when, that transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(ChangeKind kind, Long noticeId, String slug, Integer revision, boolean visible, String by, Instant at) {
        beginWrite();
        String sql = postgres()
                ? "with wake as (select pg_notify('" + CHANNEL + "', '')) insert into notice_change"
                  + " (kind, notice_id, slug, revision, visible, changed_by, changed_at, tx_id)"
                  + " select ?1, cast(?2 as bigint), cast(?3 as varchar(150)), cast(?4 as integer), ?5, ?6, ?7, pg_current_xact_id()::text::bigint from wake"
                : "insert into notice_change (kind, notice_id, slug, revision, visible, changed_by, changed_at, seq)"
                  + " values (?1, cast(?2 as bigint), cast(?3 as varchar(150)), cast(?4 as integer), ?5, ?6, ?7,"
                  + " (select coalesce(max(seq), 0) + 1 from notice_change))";
        em.createNativeQuery(sql)
                .setParameter(1, kind.id())
                .setParameter(2, noticeId)
                .setParameter(3, slug)
                .setParameter(4, revision)
                .setParameter(5, visible)
                .setParameter(6, by)
                .setParameter(7, at)
                .executeUpdate();
        if (transactions.getResource(ChangeSignal.class) == null) {
            transactions.putResource(ChangeSignal.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signal.raise();
                    }
                }
            });
        }
    }

    /**
     * Numbers what can be numbered without ever handing out a number below one already read (see the class comment);
     * answers how many rows it numbered. On H2 rows are numbered as they are appended, so this does nothing; on
     * PostgreSQL, when another replica is numbering right now, it leaves the work to that one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int number() {
        if (!postgres()) {
            return 0;
        }
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(" + NUMBERING_LOCK + ")").getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        return em.createNativeQuery("""
                with top as (select coalesce(max(seq), 0) as seq from notice_change),
                     ready as (select id, row_number() over (order by id) as rank from notice_change
                               where seq is null and tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                               order by id limit %d)
                update notice_change c set seq = top.seq + ready.rank from ready, top where c.id = ready.id
                """.formatted(NUMBERING_BATCH)).executeUpdate();
    }

    /** {@link #number} until every row that may be numbered is. */
    public void numberAll() {
        int numbered;
        do {
            numbered = number();
        } while (numbered == NUMBERING_BATCH);
    }

    /**
     * The numbered changes after {@code since}, at most {@code limit}, in sequence order; with {@code everything}
     * false only those anonymous readers may see.
     */
    @Transactional
    public List<Change> read(long since, int limit, boolean everything) {
        return LoggedChange.<LoggedChange>find("seq > ?1 and (visible = true or ?2 = true) order by seq", since, everything)
                .range(0, Math.min(limit, MAX_READ) - 1).list().stream().map(LoggedChange::toChange).toList();
    }

    /** The largest sequence number handed out so far (0 on an empty log). */
    @Transactional
    public long head() {
        Object max = em.createNativeQuery("select coalesce(max(seq), 0) from notice_change").getSingleResult();
        return ((Number) max).longValue();
    }

    boolean postgres() {
        return dbKind.startsWith("postgres");
    }
}
