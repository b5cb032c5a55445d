package org.noticeline.notice;

import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link NoticeFilter}: as a timeline, newest first and keyset-paginated on (date, id), or as the latest
 * changes to what it selects, newest change first (what a feed of the filter holds).
 */
public final class NoticeQuery {

    /** One page of notices and the cursor of the next page, null on the last. */
    public record Slice(List<Notice> items, Cursor next) {
    }

    /** The conditions of a filter, as JPQL over {@code Notice n}, and their parameters. */
    private record Where(List<String> clauses, Parameters params) {

        String jpql(String order) {
            return "from Notice n" + (clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses)) + " order by " + order;
        }
    }

    /**
     * A filter's conditions as a JPQL {@code where} clause over {@code Notice n} and its parameters, for grouped
     * counts of exactly what the filter selects (callers add their joins before it and their grouping after it).
     */
    public record Conditions(String where, java.util.Map<String, Object> parameters) {
    }

    /** The share of the published notices from which a selection is {@link #broad}: a page is then found within 50 pages' worth of notices. */
    private static final double BROAD = 0.02;

    private NoticeQuery() {
    }

    /** The conditions of {@code filter} (its status, values and dates; not its page). */
    public static Conditions conditions(NoticeFilter filter) {
        Where where = where(filter, false);
        return new Conditions(" where " + String.join(" and ", where.clauses()), where.params().map());
    }

    /**
     * A page of the filter's timeline. One authority's is read along ix_notice_authority_date, which H2 uses, and reads
     * in order, only when the dates are bounded and the order starts with the authority (one value: the same order).
     * Every notice's date is at least {@link NoticeDates#EARLIEST}, so that bound selects nothing less. Without them
     * H2 read and sorted every notice of the Commission after each change (110 to 540 ms at 100,000 notices).
     */
    public static Slice run(NoticeFilter filter) {
        Where where = where(filter, broad(filter));
        if (filter.cursor() != null) {
            where.clauses().add("(n.date < :cursorDate or (n.date = :cursorDate and n.id < :cursorId))");
            where.params().and("cursorDate", filter.cursor().date()).and("cursorId", filter.cursor().id());
        }
        String order = "n.date desc, n.id desc";
        if (filter.authorities().size() == 1) {
            order = "n.authority.id, " + order;
            if (filter.from() == null) {
                where.clauses().add("n.date >= :earliest");
                where.params().and("earliest", NoticeDates.EARLIEST);
            }
        }
        List<Notice> rows = Notice.find(where.jpql(order), where.params()).range(0, filter.limit()).list();
        if (rows.size() <= filter.limit()) {
            return new Slice(rows, null);
        }
        List<Notice> page = rows.subList(0, filter.limit());
        Notice last = page.get(page.size() - 1);
        return new Slice(List.copyOf(page), new Cursor(last.date, last.id));
    }

    /**
     * The {@code limit} notices of the filter that changed last (revised, withdrawn, restored, published), by
     * {@code updatedAt} then id, newest first; the filter's cursor and limit play no part.
     */
    public static List<Notice> lastChanged(NoticeFilter filter, int limit) {
        Where where = where(filter, false);
        return Notice.<Notice>find(where.jpql("n.updatedAt desc, n.id desc"), where.params()).range(0, limit - 1).list();
    }

    /**
     * Whether the filter's platforms and rules select at least {@link #BROAD} of the published notices, by the tally.
     * A page of such a selection is found fastest by walking the notices in date order and checking each
     * ({@code exists}), which stops after a page; a narrower one by collecting its notices first and sorting them
     * ({@code in}), which a walk would have to pass most of the record to fill. H2 does only what the query says:
     * at 100,000 notices the first page of an instrument took seconds collected and sorted.
     */
    private static boolean broad(NoticeFilter filter) {
        boolean linked = !filter.platforms().isEmpty() || !filter.ruleKeys().isEmpty() || !filter.instruments().isEmpty();
        // Types, jurisdictions and cases narrow a selection by shares the tally does not keep: such a walk could pass
        // most of the record.
        if (!linked || !filter.types().isEmpty() || !filter.jurisdictions().isEmpty() || !filter.proceedings().isEmpty()) {
            return false;
        }
        return Arc.container().instance(LinkTally.class).get().share(filter).orElse(0) >= BROAD;
    }

    /**
     * @param broad whether to check each notice for its platforms and rules ({@code exists}) rather than collect the
     *              notices that have them ({@code in}): see {@link #broad}
     */
    private static Where where(NoticeFilter filter, boolean broad) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("n.status in :statuses");
        params.and("statuses", filter.includeWithdrawn() ? List.of(NoticeStatus.PUBLISHED, NoticeStatus.WITHDRAWN) : List.of(NoticeStatus.PUBLISHED));
        if (!filter.platforms().isEmpty()) {
            where.add(broad ? "exists (select 1 from n.platforms p where p.platformId in :platforms)"
                    : "n.id in (select n2.id from Notice n2 join n2.platforms p where p.platformId in :platforms)");
            params.and("platforms", filter.platforms());
        }
        List<String> ruleMatches = new ArrayList<>();
        if (!filter.ruleKeys().isEmpty()) {
            ruleMatches.add("r.ruleKey in :ruleKeys");
            params.and("ruleKeys", filter.ruleKeys());
        }
        if (!filter.instruments().isEmpty()) {
            ruleMatches.add("r.instrumentCode in :instruments");
            params.and("instruments", filter.instruments());
        }
        if (!ruleMatches.isEmpty()) {
            String rules = String.join(" or ", ruleMatches);
            where.add(broad ? "exists (select 1 from n.rules r where " + rules + ")" : "n.id in (select n3.id from Notice n3 join n3.rules r where " + rules + ")");
        }
        if (!filter.authorities().isEmpty()) {
            where.add("n.authority.id in :authorities");
            params.and("authorities", filter.authorities());
        }
        if (!filter.types().isEmpty()) {
            where.add("n.type in :types");
            params.and("types", filter.types());
        }
        if (!filter.jurisdictions().isEmpty()) {
            where.add("n.jurisdiction in :jurisdictions");
            params.and("jurisdictions", filter.jurisdictions());
        }
        if (!filter.proceedings().isEmpty()) {
            where.add("n.proceeding.id in :proceedings");
            params.and("proceedings", filter.proceedings());
        }
        if (filter.from() != null) {
            where.add("n.date >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("n.date <= :to");
            params.and("to", filter.to());
        }
        return new Where(where, params);
    }
}
