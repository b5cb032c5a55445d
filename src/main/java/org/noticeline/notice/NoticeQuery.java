package org.noticeline.notice;

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

    private NoticeQuery() {
    }

    /** The conditions of {@code filter} (its status, values and dates; not its page). */
    public static Conditions conditions(NoticeFilter filter) {
        Where where = where(filter);
        return new Conditions(" where " + String.join(" and ", where.clauses()), where.params().map());
    }

    public static Slice run(NoticeFilter filter) {
        Where where = where(filter);
        if (filter.cursor() != null) {
            where.clauses().add("(n.date < :cursorDate or (n.date = :cursorDate and n.id < :cursorId))");
            where.params().and("cursorDate", filter.cursor().date()).and("cursorId", filter.cursor().id());
        }
        List<Notice> rows = Notice.find(where.jpql("n.date desc, n.id desc"), where.params()).range(0, filter.limit()).list();
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
        Where where = where(filter);
        return Notice.<Notice>find(where.jpql("n.updatedAt desc, n.id desc"), where.params()).range(0, limit - 1).list();
    }

    private static Where where(NoticeFilter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("n.status in :statuses");
        params.and("statuses", filter.includeWithdrawn() ? List.of(NoticeStatus.PUBLISHED, NoticeStatus.WITHDRAWN) : List.of(NoticeStatus.PUBLISHED));
        if (!filter.platforms().isEmpty()) {
            where.add("n.id in (select n2.id from Notice n2 join n2.platforms p where p.platformId in :platforms)");
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
            where.add("n.id in (select n3.id from Notice n3 join n3.rules r where " + String.join(" or ", ruleMatches) + ")");
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
