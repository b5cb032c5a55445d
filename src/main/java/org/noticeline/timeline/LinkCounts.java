package org.noticeline.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.noticeline.notice.NoticeStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import org.noticeline.notice.Notice;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many published notices each platform, instrument, rule, authority and proceeding has, for the index pages.
 * Counted by the database over the whole record (hundreds of milliseconds at 100,000 notices) and kept until the
 * record changes ({@link RecordMemo}): the counts depend on nothing else, and there are as many as the catalog has entries.
 */
@ApplicationScoped
public class LinkCounts {

    @Inject
    RecordMemo memo;

    Map<String, Long> byPlatform() {
        return count("select p.platformId, count(distinct n.id) from Notice n join n.platforms p where n.status = :s group by p.platformId");
    }

    Map<String, Long> byInstrument() {
        return count("select r.instrumentCode, count(distinct n.id) from Notice n join n.rules r where n.status = :s group by r.instrumentCode");
    }

    Map<String, Long> byRule(String instrument) {
        return count("select r.ruleKey, count(distinct n.id) from Notice n join n.rules r where n.status = :s and r.instrumentCode = :i group by r.ruleKey",
                Map.of("i", instrument));
    }

    /** How many published notices cite each of {@code keys} ({@code DSA:28}); keys none cites are absent. */
    Map<String, Long> ofRules(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return count("select r.ruleKey, count(distinct n.id) from Notice n join n.rules r where n.status = :s and r.ruleKey in :keys group by r.ruleKey",
                Map.of("keys", keys));
    }

    Map<String, Long> byAuthority() {
        return count("select n.authority.id, count(n) from Notice n where n.status = :s group by n.authority.id");
    }

    Map<String, Long> byProceeding() {
        return count("select n.proceeding.id, count(n) from Notice n where n.status = :s and n.proceeding is not null group by n.proceeding.id");
    }

    private Map<String, Long> count(String jpql) {
        return count(jpql, Map.of());
    }

    /** Runs a {@code select key, count ...} over published notices ({@code :s}) with any further parameters, or answers what it kept. */
    private Map<String, Long> count(String jpql, Map<String, Object> parameters) {
        return memo.get("counts " + jpql + new TreeMap<>(parameters), () -> Map.copyOf(read(jpql, parameters)));
    }

    private static Map<String, Long> read(String jpql, Map<String, Object> parameters) {
        var query = Panache.getEntityManager().createQuery(jpql, Object[].class).setParameter("s", NoticeStatus.PUBLISHED);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }
}
