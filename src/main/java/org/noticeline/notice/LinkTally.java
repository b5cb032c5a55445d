package org.noticeline.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.noticeline.transaction.Milestones;
import org.noticeline.transaction.Retries;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * How many published notices each platform, instrument, provision, authority and proceeding has, by year
 * ({@code link_tally}), kept in the transaction of every change of a notice so that no page has to count the record.
 * <p>
 * Each notice keeps what it adds to the tally ({@link Notice#tallied}); a change adds the notice's new entries and
 * takes back its old ones, so the tally is exact after any sequence of changes, in any order, and is never counted
 * again. Writers of different notices meet only on the rows they both change; they take those rows in one order
 * (sorted), so they wait for each other but never deadlock.
 */
@ApplicationScoped
public class LinkTally {

    /** What a tally row counts notices of. */
    public enum Dimension {
        PLATFORM, INSTRUMENT, RULE, AUTHORITY, PROCEEDING;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String FILLED = "link-tally-filled";
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(LinkTally.class);

    @Inject
    EntityManager em;
    @Inject
    Milestones milestones;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private volatile boolean filled;
    private final ExecutorService filler = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "link-tally");
        thread.setDaemon(true);
        return thread;
    });

    /** One counted (dimension, key, year): a line of {@link Notice#tallied}. */
    private record Entry(String dimension, String key, int year) implements Comparable<Entry> {

        static Entry parse(String line) {
            String[] parts = line.split("\t", 3);
            return new Entry(parts[0], parts[1], Integer.parseInt(parts[2]));
        }

        String line() {
            return dimension + "\t" + key + "\t" + year;
        }

        @Override
        public int compareTo(Entry o) {
            int c = dimension.compareTo(o.dimension);
            if (c == 0) {
                c = key.compareTo(o.key);
            }
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    /**
     * Brings the tally in line with {@code notices} as they are now (in memory, about to be flushed), in the caller's
     * transaction, which holds their rows' locks: a notice's old entries are taken back, its new ones added.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Collection<Notice> notices) {
        Map<Entry, Long> delta = new TreeMap<>();
        for (Notice notice : notices) {
            String now = entries(notice);
            if (now.equals(notice.tallied)) {
                continue;
            }
            lines(notice.tallied).forEach(e -> delta.merge(e, -1L, Long::sum));
            lines(now).forEach(e -> delta.merge(e, 1L, Long::sum));
            notice.tallied = now;
        }
        delta.values().removeIf(d -> d == 0);
        if (!delta.isEmpty()) {
            add(delta);
        }
    }

    /** Published notices per key of {@code dimension}; keys none has are absent. */
    public Map<String, Long> counts(Dimension dimension) {
        return read("dimension = ?1", dimension, null, null);
    }

    /** {@link #counts} of the keys in {@code keys}. */
    public Map<String, Long> counts(Dimension dimension, Collection<String> keys) {
        return keys.isEmpty() ? Map.of() : read("dimension = ?1 and item_key in (?2)", dimension, keys, null);
    }

    /** {@link #counts} of the provisions of one instrument ({@code DSA:1} to {@code DSA:93}). */
    public Map<String, Long> provisionCounts(String instrument) {
        // A range on the key rather than a LIKE, in which an underscore of the code would match any character.
        return read("dimension = ?1 and item_key >= ?2 and item_key < ?3", Dimension.RULE, instrument + ":", instrument + ";");
    }

    /**
     * Whether every notice is tallied: true on a database made since the tally exists, and on an older one once the
     * pass that tallies its notices has finished; until then readers count the record themselves.
     */
    public boolean complete() {
        if (!filled) {
            filled = milestones.reached(FILLED);
        }
        return filled;
    }

    /** After the tally was emptied under the running service, as a test of the upgrade empties it. */
    void forgetComplete() {
        filled = false;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> read(String where, Dimension dimension, Object second, Object third) {
        var query = em.createNativeQuery("select item_key, sum(notices) from link_tally where " + where
                + " group by item_key having sum(notices) > 0").setParameter(1, dimension.id());
        if (second != null) {
            query.setParameter(2, second);
        }
        if (third != null) {
            query.setParameter(3, third);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    /** What a notice adds: nothing unless published; then one entry per platform, instrument, provision, its authority and case. */
    static String entries(Notice notice) {
        if (notice.status != NoticeStatus.PUBLISHED) {
            return "";
        }
        int year = notice.date.getYear();
        TreeSet<String> lines = new TreeSet<>();
        notice.platforms.forEach(p -> lines.add(new Entry(Dimension.PLATFORM.id(), p.platformId, year).line()));
        notice.rules.forEach(r -> {
            lines.add(new Entry(Dimension.INSTRUMENT.id(), r.instrumentCode, year).line());
            lines.add(new Entry(Dimension.RULE.id(), r.ruleKey, year).line());
        });
        lines.add(new Entry(Dimension.AUTHORITY.id(), notice.authority.id, year).line());
        if (notice.proceeding != null) {
            lines.add(new Entry(Dimension.PROCEEDING.id(), notice.proceeding.id, year).line());
        }
        return String.join("\n", lines);
    }

    private static List<Entry> lines(String tallied) {
        return tallied == null || tallied.isEmpty() ? List.of() : tallied.lines().map(Entry::parse).toList();
    }

    /** Adds each delta to its row (made when missing), in the delta's order, as one JDBC batch. */
    private void add(Map<Entry, Long> delta) {
        boolean postgres = dbKind.startsWith("postgres");
        if (!postgres) {
            // H2's MERGE is not atomic: two writers that both miss a row both insert it, and one fails on the key.
            // H2 is the embedded, single-process default, so its writers take turns on the tally instead.
            em.createNativeQuery("select name from app_lock where name = 'tally' for update").getResultList();
        }
        String upsert = postgres
                ? "insert into link_tally (dimension, item_key, notice_year, notices) values (?, ?, ?, ?)"
                + " on conflict (dimension, item_key, notice_year) do update set notices = link_tally.notices + excluded.notices"
                : "merge into link_tally t using (select cast(? as varchar(16)) dimension, cast(? as varchar(100)) item_key,"
                + " cast(? as integer) notice_year, cast(? as bigint) notices) s"
                + " on t.dimension = s.dimension and t.item_key = s.item_key and t.notice_year = s.notice_year"
                + " when matched then update set notices = t.notices + s.notices"
                + " when not matched then insert (dimension, item_key, notice_year, notices) values (s.dimension, s.item_key, s.notice_year, s.notices)";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(upsert)) {
                for (Map.Entry<Entry, Long> d : delta.entrySet()) {
                    statement.setString(1, d.getKey().dimension());
                    statement.setString(2, d.getKey().key());
                    statement.setInt(3, d.getKey().year());
                    statement.setLong(4, d.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** A database from before the tally: its notices are tallied in the background, and readers count until then. */
    void onStart(@Observes StartupEvent event) {
        if (!complete()) {
            filler.execute(this::fill);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        filler.shutdownNow();
    }

    /** Tallies every notice not yet tallied, a batch a transaction; several replicas may do this at once. */
    void fill() {
        try {
            int tallied = 0;
            int batch;
            while ((batch = Retries.inNewTransaction(this::fillBatch)) > 0) {
                tallied += batch;
            }
            milestones.reach(FILLED);
            filled = true;
            if (tallied > 0) {
                LOG.infof("tallied the links of %d notices", tallied);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "tallying the notices' links failed; pages count the record until a start-up finishes it");
        }
    }

    private int fillBatch() {
        // Locked as writers lock a notice, so that a notice changed meanwhile is tallied by exactly one of them.
        List<Notice> batch = Notice.<Notice>find("tallied is null order by id").withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, BATCH).list();
        follow(batch);
        return batch.size();
    }
}
