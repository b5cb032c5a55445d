package org.noticeline.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.noticeline.changelog.Daemon;
import org.noticeline.transaction.Milestones;
import org.noticeline.transaction.Retries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
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

    /**
     * What a tally row counts notices of. A pair counts the notices that have both its parts, keyed
     * {@code first|second} ({@code DSA:34|x}), so that a range of keys reads every second part of one first part.
     */
    public enum Dimension {
        PLATFORM, INSTRUMENT, RULE, AUTHORITY, PROCEEDING,
        /** Notices of an instrument concerning a platform ({@code DSA|x}): the matrix by instrument, an instrument's platforms. */
        INSTRUMENT_PLATFORM,
        /** A provision and a platform ({@code DSA:34|x}): the matrix by article, a provision's platforms. */
        RULE_PLATFORM,
        /** A type of measure and a platform ({@code fine|x}): the matrix by type. */
        TYPE_PLATFORM,
        /**
         * An instrument and a provision of another instrument ({@code DSA|GDPR:6}): an instrument's provisions cited
         * elsewhere. Pairs of provisions are not kept: a notice's pairs grow with the square of its provisions, which
         * cost bulk loads a quarter of their rate, and a provision's page counts its co-cited provisions fast enough.
         */
        INSTRUMENT_RULE,
        /**
         * An authority, a platform and a month of the year ({@code european-commission|x|3}), the year being the row's:
         * an authority's overview, in lanes by platform and counted by month.
         */
        AUTHORITY_PLATFORM_MONTH,
        /**
         * A platform, a case (empty for notices in none) and a month ({@code x|ec-dsa-x|3}): a platform's overview, in
         * lanes by case. The overviews of the largest authorities and platforms, counted over the record, took
         * 100 to 370 ms after a change at 100,000 notices in H2.
         */
        PLATFORM_PROCEEDING_MONTH;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The years of notice dates a read counts, both included. */
    public record Years(int from, int to) {

        public static final Years ALL = new Years(Integer.MIN_VALUE, Integer.MAX_VALUE);

        /**
         * The years a filter selects, when the tally can count it: a selection by platform and rule (which each reader
         * checks itself), and dates, if any, from the first of January to the last of December. Empty when it cannot.
         */
        public static Optional<Years> of(NoticeFilter filter) {
            boolean tallied = filter.authorities().isEmpty() && filter.types().isEmpty() && filter.jurisdictions().isEmpty()
                    && filter.proceedings().isEmpty();
            return tallied ? dates(filter) : Optional.empty();
        }

        /**
         * The years of a filter's dates, when they are whole years and it leaves withdrawn notices out; empty when not.
         * Its other conditions are the caller's to check.
         */
        public static Optional<Years> dates(NoticeFilter filter) {
            boolean whole = !filter.includeWithdrawn() && (filter.from() == null || filter.from().getDayOfYear() == 1)
                    && (filter.to() == null || filter.to().getMonthValue() == 12 && filter.to().getDayOfMonth() == 31);
            return whole ? Optional.of(new Years(filter.from() == null ? ALL.from : filter.from().getYear(),
                    filter.to() == null ? ALL.to : filter.to().getYear())) : Optional.empty();
        }
    }

    static final String FILLED = "link-tally-filled";
    /** How long a stop waits for the batch under way (500 notices: about half a second). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(LinkTally.class);

    @Inject
    EntityManager em;
    @Inject
    Milestones milestones;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private volatile boolean filled;
    private volatile boolean stopping;
    private Thread filler;

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
        return read("item_key", "dimension = ?1", List.of(dimension.id()), Years.ALL);
    }

    /** {@link #counts} of the keys in {@code keys}. */
    public Map<String, Long> counts(Dimension dimension, Collection<String> keys) {
        return keys.isEmpty() ? Map.of() : read("item_key", "dimension = ?1 and item_key in (?2)", List.of(dimension.id(), keys), Years.ALL);
    }

    /** {@link #counts} of the provisions of one instrument ({@code DSA:1} to {@code DSA:93}). */
    public Map<String, Long> provisionCounts(String instrument) {
        return startingWith(Dimension.RULE, instrument + ":", Years.ALL);
    }

    /** Of a pair dimension: per second part, the notices that have {@code first} too, in {@code years}. */
    public Map<String, Long> pairs(Dimension dimension, String first, Years years) {
        Map<String, Long> seconds = new TreeMap<>();
        startingWith(dimension, first + "|", years).forEach((key, n) -> seconds.put(key.substring(first.length() + 1), n));
        return seconds;
    }

    /**
     * The share of the published notices that the filter's platforms, rules and authorities select, each taken as
     * independent of the others (a platform and a rule together select fewer); empty until the tally is complete.
     * Its other conditions are not counted.
     */
    public OptionalDouble share(NoticeFilter filter) {
        if (!complete()) {
            return OptionalDouble.empty();
        }
        double all = Math.max(1, sum(counts(Dimension.AUTHORITY)));
        double share = 1;
        if (!filter.platforms().isEmpty()) {
            share *= sum(counts(Dimension.PLATFORM, filter.platforms())) / all;
        }
        if (!filter.ruleKeys().isEmpty() || !filter.instruments().isEmpty()) {
            share *= (sum(counts(Dimension.RULE, filter.ruleKeys())) + sum(counts(Dimension.INSTRUMENT, filter.instruments()))) / all;
        }
        if (!filter.authorities().isEmpty()) {
            share *= sum(counts(Dimension.AUTHORITY, filter.authorities())) / all;
        }
        return OptionalDouble.of(share);
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The notices {@code key} has per year, in {@code years}. */
    public Map<Integer, Long> years(Dimension dimension, String key, Years years) {
        Map<Integer, Long> byYear = new TreeMap<>();
        read("notice_year", "dimension = ?1 and item_key = ?2", List.of(dimension.id(), key), years)
                .forEach((year, n) -> byYear.put(Integer.valueOf(year), n));
        return byYear;
    }

    /** Notices of a lane (null for the notices in none) in a month, counted from year 0 ({@code year * 12 + month - 1}). */
    public record MonthCount(String lane, int month, long notices) {
    }

    /**
     * Of a dimension by month ({@link Dimension#AUTHORITY_PLATFORM_MONTH}, {@link Dimension#PLATFORM_PROCEEDING_MONTH}):
     * the notices of {@code first} per lane and month, in {@code years}.
     */
    @SuppressWarnings("unchecked")
    public List<MonthCount> months(Dimension dimension, String first, Years years) {
        String prefix = first + "|";
        List<Object[]> rows = em.createNativeQuery("select item_key, notice_year, notices from link_tally where dimension = ?1"
                        + " and item_key >= ?2 and item_key < ?3 and notice_year >= ?4 and notice_year <= ?5 and notices > 0")
                .setParameter(1, dimension.id()).setParameter(2, prefix).setParameter(3, after(prefix))
                .setParameter(4, years.from()).setParameter(5, years.to()).getResultList();
        return rows.stream().map(row -> {
            String key = (String) row[0];
            int bar = key.lastIndexOf('|');
            String lane = key.substring(prefix.length(), bar);
            int month = ((Number) row[1]).intValue() * 12 + Integer.parseInt(key.substring(bar + 1)) - 1;
            return new MonthCount(lane.isEmpty() ? null : lane, month, ((Number) row[2]).longValue());
        }).toList();
    }

    /**
     * Per key that starts with {@code prefix} (a pair's first part, or {@code DSA:} for a by-article matrix; all keys
     * for an empty one), in {@code years}: a range of keys rather than a LIKE, in which an underscore would match any
     * character.
     */
    public Map<String, Long> startingWith(Dimension dimension, String prefix, Years years) {
        if (prefix.isEmpty()) {
            return read("item_key", "dimension = ?1", List.of(dimension.id()), years);
        }
        return read("item_key", "dimension = ?1 and item_key >= ?2 and item_key < ?3", List.of(dimension.id(), prefix, after(prefix)), years);
    }

    /** The first key after every key that starts with {@code prefix}. */
    private static String after(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
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

    /** {@code sum(notices)} per {@code groupBy} of the rows {@code where} (parameters 1, 2, ...) selects, years given. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> read(String groupBy, String where, List<Object> parameters, Years years) {
        int next = parameters.size() + 1;
        var query = em.createNativeQuery("select " + groupBy + ", sum(notices) from link_tally where " + where
                + " and notice_year >= ?" + next + " and notice_year <= ?" + (next + 1) + " group by " + groupBy + " having sum(notices) > 0");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        query.setParameter(next, years.from()).setParameter(next + 1, years.to());
        List<Object[]> rows = query.getResultList();
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r[0]), r -> ((Number) r[1]).longValue()));
    }

    /**
     * What a notice adds: nothing unless published; then one entry per platform, instrument, provision, its authority
     * and case, and per pair. Changing what this holds needs a migration that empties the tally and sets every
     * {@code tallied} to null, so that the start-up pass tallies the record again.
     */
    static String entries(Notice notice) {
        if (notice.status != NoticeStatus.PUBLISHED) {
            return "";
        }
        int year = notice.date.getYear();
        TreeSet<String> lines = new TreeSet<>();
        BiConsumer<Dimension, String> add = (dimension, key) -> lines.add(new Entry(dimension.id(), key, year).line());
        List<String> platforms = notice.platforms.stream().map(p -> p.platformId).toList();
        platforms.forEach(p -> {
            add.accept(Dimension.PLATFORM, p);
            add.accept(Dimension.TYPE_PLATFORM, notice.type + "|" + p);
        });
        for (RuleLink rule : notice.rules) {
            add.accept(Dimension.INSTRUMENT, rule.instrumentCode);
            add.accept(Dimension.RULE, rule.ruleKey);
            for (String p : platforms) {
                add.accept(Dimension.INSTRUMENT_PLATFORM, rule.instrumentCode + "|" + p);
                add.accept(Dimension.RULE_PLATFORM, rule.ruleKey + "|" + p);
            }
            for (RuleLink other : notice.rules) {
                if (!other.instrumentCode.equals(rule.instrumentCode)) {
                    add.accept(Dimension.INSTRUMENT_RULE, rule.instrumentCode + "|" + other.ruleKey);
                }
            }
        }
        add.accept(Dimension.AUTHORITY, notice.authority.id);
        int month = notice.date.getMonthValue();
        String proceeding = notice.proceeding == null ? "" : notice.proceeding.id;
        platforms.forEach(p -> {
            add.accept(Dimension.AUTHORITY_PLATFORM_MONTH, notice.authority.id + "|" + p + "|" + month);
            add.accept(Dimension.PLATFORM_PROCEEDING_MONTH, p + "|" + proceeding + "|" + month);
        });
        if (notice.proceeding != null) {
            add.accept(Dimension.PROCEEDING, notice.proceeding.id);
        }
        return String.join("\n", lines);
    }

    private static List<Entry> lines(String tallied) {
        return tallied == null || tallied.isEmpty() ? List.of() : tallied.lines().map(Entry::parse).toList();
    }

    /** Adds each delta to its row (made when missing), in the delta's order, as JDBC batches. */
    private void add(Map<Entry, Long> delta) {
        List<Map.Entry<Entry, Long>> rows = List.copyOf(delta.entrySet());
        if (dbKind.startsWith("postgres")) {
            em.unwrap(Session.class).doWork(connection -> batch(connection, "insert into link_tally (notices, dimension, item_key, notice_year)"
                    + " values (?, ?, ?, ?) on conflict (dimension, item_key, notice_year) do update set notices = link_tally.notices + excluded.notices", rows));
            return;
        }
        // H2 has no atomic upsert (two writers that both miss a row both insert it, and one fails on the key), and its
        // MERGE with a source row is slow. H2 is the embedded, single-process default, so its writers take turns on
        // the tally, and each adds to the rows there are, then inserts the rows that were missing.
        em.createNativeQuery("select name from app_lock where name = 'tally' for update").getResultList();
        em.unwrap(Session.class).doWork(connection -> {
            int[] updated = batch(connection, "update link_tally set notices = notices + ? where dimension = ? and item_key = ? and notice_year = ?", rows);
            List<Map.Entry<Entry, Long>> missing = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
            batch(connection, "insert into link_tally (notices, dimension, item_key, notice_year) values (?, ?, ?, ?)", missing);
        });
    }

    /** Runs {@code sql} once per row as one batch, the parameters (notices, dimension, key, year); answers the update counts. */
    private static int[] batch(Connection connection, String sql, List<Map.Entry<Entry, Long>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<Entry, Long> row : rows) {
                statement.setLong(1, row.getValue());
                statement.setString(2, row.getKey().dimension());
                statement.setString(3, row.getKey().key());
                statement.setInt(4, row.getKey().year());
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** A database from before the tally: its notices are tallied in the background, and readers count until then. */
    void onStart(@Observes StartupEvent event) {
        if (!complete()) {
            filler = Daemon.start("link-tally", this::fill);
        }
    }

    /** Asks the pass to stop after its batch and waits: an interrupt in H2's file I/O would break the batch's write. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        Daemon.awaitStop(filler, STOP_WAIT);
    }

    /**
     * Tallies every notice not yet tallied, a batch a transaction, in id order; several replicas may do this at once.
     * A stop leaves the rest to the next start.
     */
    void fill() {
        try {
            int tallied = 0;
            long after = 0;
            while (!stopping) {
                long from = after;
                List<Long> batch = Retries.inNewTransaction(() -> fillBatch(from));
                if (batch.isEmpty()) {
                    milestones.reach(FILLED);
                    filled = true;
                    break;
                }
                tallied += batch.size();
                after = batch.get(batch.size() - 1);
            }
            if (tallied > 0) {
                LOG.infof("tallied the links of %d notices%s", tallied, filled ? "" : " before the stop");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "tallying the notices' links failed; pages count the record until a start-up finishes it");
        }
    }

    /**
     * Tallies the next notices after id {@code after} not yet tallied; answers their ids. From where the last batch
     * ended, since the notices before it that were tallied would otherwise be passed again by every batch (minutes
     * at 100,000 notices).
     */
    private List<Long> fillBatch(long after) {
        // Locked as writers lock a notice, so that a notice changed meanwhile is tallied by exactly one of them.
        List<Notice> batch = Notice.<Notice>find("tallied is null and id > ?1 order by id", after).withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, BATCH).list();
        follow(batch);
        return batch.stream().map(n -> n.id).toList();
    }
}
