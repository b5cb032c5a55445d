package org.noticeline.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeline.notice.Notice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * This replica's subscriptions in memory, filed by platform, rule (key or instrument), authority, type, jurisdiction
 * and proceeding, so that the subscriptions a notice may match are found from the notice's own terms instead of by
 * reading them all or querying per notice. Each is filed under one dimension only, its narrowest, and every candidate
 * is confirmed with {@link org.noticeline.notice.NoticeFilter#match}, as {@code /api/notices} would judge it.
 * <p>
 * The database is the truth: {@link #refresh} (in the planner's transaction, before each batch) reads the
 * subscriptions stamped, and the tombstones numbered, above the last {@link SubscriptionVersions} number it saw, the
 * first time all of them. So every replica's index holds what was committed before its planner's batch began.
 */
@ApplicationScoped
public class SubscriptionIndex {

    /** A subscription that wants a change, with the terms of its filter that matched. */
    public record Match(String subscriptionId, Map<String, List<String>> matched) {
    }

    @Inject
    EntityManager em;
    @Inject
    SubscriptionVersions versions;
    @Inject
    ObjectMapper json;

    private final Map<String, IndexedSubscription> byId = new HashMap<>();
    private final Map<String, Map<String, Set<IndexedSubscription>>> byTerm = new HashMap<>();
    private final Set<IndexedSubscription> everything = new LinkedHashSet<>();
    private long version = -1;
    private long notices;

    /** Brings the index up to what has committed; cheap (one read of the counter) when nothing has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public synchronized void refresh() {
        long current = versions.current();
        if (current == version) {
            return;
        }
        List<Object[]> rows = em.createQuery("select s.id, s.filterJson, s.events, s.status, s.startAfter from Subscription s"
                + " where s.indexVersion > ?1", Object[].class).setParameter(1, version).getResultList();
        for (Object[] row : rows) {
            String id = (String) row[0];
            remove(id);
            add(new IndexedSubscription(id, SubscriptionFilter.fromJson(json, id, (String) row[1]), Subscription.eventList((String) row[2]), (Long) row[4],
                    row[3] == SubscriptionStatus.DISABLED));
        }
        if (version >= 0) {
            em.createNativeQuery("select subscription_id from subscription_removed where index_version > ?1")
                    .setParameter(1, version).getResultList().forEach(id -> remove(id.toString()));
        }
        version = current;
    }

    /**
     * The subscriptions that want {@code type} of change {@code seq} to {@code notice}, by id; as of the last
     * {@link #refresh}.
     */
    public synchronized List<Match> match(Notice notice, EventType type, long seq) {
        long stamp = ++notices;
        List<Match> matches = new ArrayList<>();
        for (Map.Entry<String, List<String>> dimension : SubscriptionFilter.termsOf(notice).entrySet()) {
            Map<String, Set<IndexedSubscription>> filed = byTerm.get(dimension.getKey());
            if (filed == null) {
                continue;
            }
            for (String term : dimension.getValue()) {
                for (IndexedSubscription candidate : filed.getOrDefault(term, Set.of())) {
                    if (candidate.seenFor != stamp) {
                        candidate.seenFor = stamp;
                        confirm(candidate, notice, type, seq, matches);
                    }
                }
            }
        }
        for (IndexedSubscription candidate : everything) {
            confirm(candidate, notice, type, seq, matches);
        }
        matches.sort(Comparator.comparing(Match::subscriptionId));
        return matches;
    }

    /** How many subscriptions the index holds. */
    public synchronized int size() {
        return byId.size();
    }

    private static void confirm(IndexedSubscription candidate, Notice notice, EventType type, long seq, List<Match> matches) {
        Optional<Map<String, List<String>>> matched = candidate.match(notice, type, seq);
        matched.ifPresent(m -> matches.add(new Match(candidate.id, m)));
    }

    private void add(IndexedSubscription s) {
        byId.put(s.id, s);
        if (s.anchor == null) {
            everything.add(s);
            return;
        }
        Map<String, Set<IndexedSubscription>> filed = byTerm.computeIfAbsent(s.anchor, d -> new HashMap<>());
        for (String term : s.anchorTerms) {
            filed.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(s);
        }
    }

    private void remove(String id) {
        IndexedSubscription s = byId.remove(id);
        if (s == null) {
            return;
        }
        if (s.anchor == null) {
            everything.remove(s);
            return;
        }
        Map<String, Set<IndexedSubscription>> filed = byTerm.get(s.anchor);
        for (String term : s.anchorTerms) {
            Set<IndexedSubscription> postings = filed.get(term);
            postings.remove(s);
            if (postings.isEmpty()) {
                filed.remove(term);
            }
        }
    }
}
