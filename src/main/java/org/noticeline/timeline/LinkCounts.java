package org.noticeline.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.noticeline.notice.LinkTally;
import org.noticeline.notice.LinkTally.Dimension;
import org.noticeline.notice.NoticeStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import org.noticeline.notice.Notice;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How many published notices each platform, instrument, rule, authority and proceeding has, for the index pages and
 * panels: read from the {@link LinkTally} the write path keeps. On a database from before the tally, until its
 * notices are tallied, counted over the whole record instead (seconds at 100,000 notices), which is why both are kept
 * until the record changes ({@link RecordMemo}).
 */
@ApplicationScoped
public class LinkCounts {

    @Inject
    RecordMemo memo;
    @Inject
    LinkTally tally;

    /** The tally itself, for the counts of a selection that it can answer ({@link org.noticeline.research.Citations}). */
    LinkTally tally() {
        return tally;
    }

    Map<String, Long> byPlatform() {
        return count(() -> tally.counts(Dimension.PLATFORM), "select p.platformId, count(distinct n.id) from Notice n join n.platforms p where n.status = :s group by p.platformId");
    }

    Map<String, Long> byInstrument() {
        return count(() -> tally.counts(Dimension.INSTRUMENT), "select r.instrumentCode, count(distinct n.id) from Notice n join n.rules r where n.status = :s group by r.instrumentCode");
    }

    Map<String, Long> byRule(String instrument) {
        return count(() -> tally.provisionCounts(instrument), "select r.ruleKey, count(distinct n.id) from Notice n join n.rules r where n.status = :s and r.instrumentCode = :i group by r.ruleKey",
                Map.of("i", instrument));
    }

    /** How many published notices cite each of {@code keys} ({@code DSA:28}); keys none cites are absent. */
    Map<String, Long> ofRules(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return count(() -> tally.counts(Dimension.RULE, keys), "select r.ruleKey, count(distinct n.id) from Notice n join n.rules r where n.status = :s and r.ruleKey in :keys group by r.ruleKey",
                Map.of("keys", keys));
    }

    Map<String, Long> byAuthority() {
        return count(() -> tally.counts(Dimension.AUTHORITY), "select n.authority.id, count(n) from Notice n where n.status = :s group by n.authority.id");
    }

    Map<String, Long> byProceeding() {
        return count(() -> tally.counts(Dimension.PROCEEDING), "select n.proceeding.id, count(n) from Notice n where n.status = :s and n.proceeding is not null group by n.proceeding.id");
    }

    private Map<String, Long> count(Supplier<Map<String, Long>> tallied, String jpql) {
        return count(tallied, jpql, Map.of());
    }

    /**
     * The tally's answer, or, while it is incomplete, what a {@code select key, count ...} over published notices
     * ({@code :s}) with any further parameters counts; either is kept until the record changes.
     */
    private Map<String, Long> count(Supplier<Map<String, Long>> tallied, String jpql, Map<String, Object> parameters) {
        boolean complete = tally.complete();
        return memo.get("counts " + complete + " " + jpql + new TreeMap<>(parameters),
                () -> Map.copyOf(complete ? tallied.get() : read(jpql, parameters)));
    }

    private static Map<String, Long> read(String jpql, Map<String, Object> parameters) {
        var query = Panache.getEntityManager().createQuery(jpql, Object[].class).setParameter("s", NoticeStatus.PUBLISHED);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }
}
