package org.noticeline.changelog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Appends changes in the writer's transaction and hands them out in sequence order.
 * <p>
 * The trap of a transactional outbox: numbers taken at insert time are not commit order. Two writers can take 41
 * and 42 and commit 42 first; a reader that saw 42 and asks for more than 42 never sees 41. So a row gets its
 * public {@code seq} only after its transaction has committed: {@link #number}, one transaction at a time on any
 * replica (the {@code changes} row lock), numbers the committed rows that have no number yet, in append order,
 * above every number given before. A row committed later is numbered later, so above them too: no reader that
 * follows {@code seq} can miss it. Writers never wait for each other or for the numbering, so bulk ingest stays
 * parallel; and, unlike a visibility horizon ({@code pg_snapshot_xmin}), one long transaction does not hold back
 * everyone else's changes until it ends. {@link #read} and {@link #head} number first, so no reader has to remember to:
 * whatever committed before the call is in what it is told.
 */
@ApplicationScoped
public class ChangeLog {

    /** The most changes one read returns. */
    public static final int MAX_READ = 10_000;
    /** The PostgreSQL channel a commit that appended changes notifies, so followers wake at once. */
    static final String CHANNEL = "noticeline_changes";
    private static final int NUMBERING_BATCH = 50_000;

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ChangeSignal signal;
    @Inject
    Event<LocalCommit> commits;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** One change to append: what happened to which notice, at which revision, by whom, and the state it left. */
    public record Entry(ChangeKind kind, Long noticeId, String slug, Integer revision, boolean visible, String by, Instant at,
                        String state) {
    }

    /** {@link #append(ChangeKind, Long, String, Integer, boolean, String, Instant, String)} of one entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Entry e) {
        append(e.kind(), e.noticeId(), e.slug(), e.revision(), e.visible(), e.by(), e.at(), e.state());
    }

    /** Appends one change to the caller's transaction: it exists when, and only when, that transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(ChangeKind kind, Long noticeId, String slug, Integer revision, boolean visible, String by, Instant at, String state) {
        String insert = "insert into notice_change (kind, notice_id, slug, revision, visible, changed_by, changed_at, state)";
        String values = " ?1, cast(?2 as bigint), cast(?3 as varchar(150)), cast(?4 as integer), ?5, ?6, ?7, cast(?8 as text)";
        em.createNativeQuery(postgres()
                        ? "with wake as (select pg_notify('" + CHANNEL + "', '')) " + insert + " select" + values + " from wake"
                        : insert + " values (" + values + ")")
                .setParameter(1, kind.id())
                .setParameter(2, noticeId)
                .setParameter(3, slug)
                .setParameter(4, revision)
                .setParameter(5, visible)
                .setParameter(6, by)
                .setParameter(7, at)
                .setParameter(8, state)
                .executeUpdate();
        signalOnCommit(kind, visible, at);
    }

    /**
     * {@link #append} of many changes, in their order, as one JDBC batch: a bulk write pays one round trip per batch
     * rather than one per change, and wakes the followers (one {@code pg_notify}) once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into notice_change"
                    + " (kind, notice_id, slug, revision, visible, changed_by, changed_at, state) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    insert.setString(1, e.kind().id());
                    insert.setObject(2, e.noticeId(), java.sql.Types.BIGINT);
                    insert.setString(3, e.slug());
                    insert.setObject(4, e.revision(), java.sql.Types.INTEGER);
                    insert.setBoolean(5, e.visible());
                    insert.setString(6, e.by());
                    insert.setObject(7, e.at().atOffset(java.time.ZoneOffset.UTC));
                    insert.setString(8, e.state());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (postgres()) {
                try (java.sql.Statement wake = connection.createStatement()) {
                    wake.execute("select pg_notify('" + CHANNEL + "', '')");
                }
            }
        });
        entries.forEach(e -> signalOnCommit(e.kind(), e.visible(), e.at()));
    }

    /**
     * Wakes this replica's followers, and tells its {@link LocalCommit} observers, when the caller's transaction commits
     * (once however many changes it appended).
     */
    private void signalOnCommit(ChangeKind kind, boolean visible, Instant at) {
        Appended appended = (Appended) transactions.getResource(Appended.class);
        if (appended == null) {
            Appended first = new Appended();
            appended = first;
            transactions.putResource(Appended.class, first);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signal.raise();
                        commits.fire(new LocalCommit(first.visible, first.catalog, first.latest));
                    }
                }
            });
        }
        appended.add(kind, visible, at);
    }

    /** What one transaction appended, as far as {@link LocalCommit} tells it. */
    private static final class Appended {
        boolean visible;
        boolean catalog;
        Instant latest;

        void add(ChangeKind kind, boolean visible, Instant at) {
            this.visible |= visible;
            this.catalog |= kind == ChangeKind.CATALOG;
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
    }

    /**
     * Numbers committed rows that have none yet (see the class comment), at most a batch, in a transaction of its own
     * (also when the reader is in one); answers how many. Numberers take turns on the {@code changes} row lock, so two
     * never hand out the same numbers.
     */
    int number() {
        return QuarkusTransaction.requiringNew().call(this::numberInThisTransaction);
    }

    private int numberInThisTransaction() {
        if (em.createNativeQuery("select id from notice_change where seq is null").setMaxResults(1).getResultList().isEmpty()) {
            return 0;
        }
        em.createNativeQuery("select name from app_lock where name = 'changes' for update").getResultList();
        String ready = "select id, row_number() over (order by id) + (select coalesce(max(seq), 0) from notice_change) as seq"
                + " from notice_change where seq is null order by id limit " + NUMBERING_BATCH;
        return em.createNativeQuery(postgres()
                ? "update notice_change c set seq = r.seq from (" + ready + ") r where c.id = r.id"
                : "merge into notice_change c using (" + ready + ") r on c.id = r.id when matched then update set seq = r.seq")
                .executeUpdate();
    }

    /** {@link #number} until every row that may be numbered is. */
    private void numberAll() {
        int numbered;
        do {
            numbered = number();
        } while (numbered == NUMBERING_BATCH);
    }

    /**
     * The changes after {@code since}, at most {@code limit}, in sequence order; with {@code everything} false only
     * those anonymous readers may see. What committed before the call is numbered first, so it is among them.
     */
    @Transactional
    public List<Change> read(long since, int limit, boolean everything) {
        numberAll();
        return LoggedChange.<LoggedChange>find("seq > ?1 and (visible = true or ?2 = true) order by seq", since, everything)
                .range(0, Math.min(limit, MAX_READ) - 1).list().stream().map(LoggedChange::toChange).toList();
    }

    /** The largest sequence number, once what committed before the call is numbered (0 on an empty log). */
    @Transactional
    public long head() {
        numberAll();
        Object max = em.createNativeQuery("select coalesce(max(seq), 0) from notice_change").getSingleResult();
        return ((Number) max).longValue();
    }

    /** When the latest change anonymous readers see was made, if there is one: what a page's {@code Last-Modified} starts from. */
    @Transactional
    public Optional<Instant> lastVisibleChangeAt() {
        // The newest first, along the seq index: a max over the times would read the whole log.
        return em.createQuery("select c.changedAt from LoggedChange c where c.visible = true and c.seq is not null order by c.seq desc",
                Instant.class).setMaxResults(1).getResultStream().findFirst();
    }

    boolean postgres() {
        return dbKind.startsWith("postgres");
    }
}
