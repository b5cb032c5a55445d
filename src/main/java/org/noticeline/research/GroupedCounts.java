package org.noticeline.research;

import io.quarkus.hibernate.orm.panache.Panache;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeQuery;

import java.util.List;
import java.util.Map;

/**
 * Runs one {@code select ..., count(...) from Notice n <joins> where <filter> group by ...} in the database: the
 * corpus is too large to count in memory, and the filter's own conditions make the counts agree with its timeline.
 */
final class GroupedCounts {

    private GroupedCounts() {
    }

    /**
     * @param select  the selected columns, the count last
     * @param joins   joins of {@code n} (aliases other than {@code r} and {@code n3}, which the filter's conditions use)
     * @param also    a further condition, or null
     * @param extra   the further condition's parameters
     * @param groupBy the grouped columns
     * @param orderBy the order of the rows
     * @param limit   the most rows, or 0 for all
     */
    static List<Object[]> run(NoticeFilter filter, String select, String joins, String also, Map<String, Object> extra,
                              String groupBy, String orderBy, int limit) {
        NoticeQuery.Conditions conditions = NoticeQuery.conditions(filter);
        String jpql = "select " + select + " from Notice n " + joins + conditions.where() + (also == null ? "" : " and " + also)
                + " group by " + groupBy + " order by " + orderBy;
        var query = Panache.getEntityManager().createQuery(jpql, Object[].class);
        conditions.parameters().forEach(query::setParameter);
        extra.forEach(query::setParameter);
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }
}
