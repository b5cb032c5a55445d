package org.noticeline.notice;

import io.quarkus.panache.common.Parameters;
import org.noticeline.notice.Cursor;

import java.util.ArrayList;
import java.util.List;

/** Runs a {@link NoticeFilter}: newest first, keyset-paginated on (date, id). */
public final class NoticeQuery {

    /** One page of notices and the cursor of the next page, null on the last. */
    public record Slice(List<Notice> items, Cursor next) {
    }

    private NoticeQuery() {
    }

    public static Slice run(NoticeFilter filter) {
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
        if (filter.cursor() != null) {
            where.add("(n.date < :cursorDate or (n.date = :cursorDate and n.id < :cursorId))");
            params.and("cursorDate", filter.cursor().date()).and("cursorId", filter.cursor().id());
        }
        String jpql = "from Notice n" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by n.date desc, n.id desc";
        List<Notice> rows = Notice.find(jpql, params).range(0, filter.limit()).list();
        if (rows.size() <= filter.limit()) {
            return new Slice(rows, null);
        }
        List<Notice> page = rows.subList(0, filter.limit());
        Notice last = page.get(page.size() - 1);
        return new Slice(List.copyOf(page), new Cursor(last.date, last.id));
    }
}
