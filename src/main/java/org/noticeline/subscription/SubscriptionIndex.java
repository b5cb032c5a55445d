package org.noticeline.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeTerms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This replica's subscriptions in memory, filed by platform, rule (key or instrument), authority, type, jurisdiction
 * and proceeding, so that the subscriptions a notice may match are found from the notice's own terms instead of by
 * reading them all or querying per notice. Each is filed under the combinations of terms of its two narrowest
 * dimensions ({@link IndexedSubscription#keys}); a notice looks up each of its terms and each pair of its terms
 * (some hundred lookups), and every subscription found is tried with {@link NoticeFilter#selects}, as
 * {@code /api/notices} would judge it.
 * <p>
 * The database is the truth: {@link #refresh} (in the planner's transaction, before each batch) reads the
 * subscriptions stamped, and the tombstones numbered, above the last {@link SubscriptionVersions} number it saw, the
 * first time all of them. So every replica's index holds what was committed before its planner's batch began.
 */
@ApplicationScoped
public class SubscriptionIndex {

    /** A subscription that wants a change, with its filter, which tells the terms that matched. */
    public record Match(String subscriptionId, NoticeFilter filter, boolean digest) {

        public Map<String, List<String>> matched(NoticeTerms terms) {
            return filter.match(terms).orElseThrow(() -> new IllegalStateException(subscriptionId + " was matched by its own filter"));
        }
    }

    @Inject
    EntityManager em;
    @Inject
    SubscriptionVersions versions;
    @Inject
    ObjectMapper json;

    private final Map<String, IndexedSubscription> byId = new HashMap<>();
    private final Map<String, Set<IndexedSubscription>> byKey = new HashMap<>();
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
        List<Object[]> rows = em.createQuery("select s.id, s.filterJson, s.events, s.status, s.startAfter, s.frequency from Subscription s"
                + " where s.indexVersion > ?1", Object[].class).setParameter(1, version).getResultList();
        for (Object[] row : rows) {
            String id = (String) row[0];
            remove(id);
            add(new IndexedSubscription(id, SubscriptionFilter.fromJson(json, id, (String) row[1]), Subscription.eventList((String) row[2]), (Long) row[4],
                    // Nothing is planned for a disabled subscription, nor for a sign-up not confirmed yet.
                    row[3] == SubscriptionStatus.DISABLED || row[3] == SubscriptionStatus.UNCONFIRMED,
                    row[5] != null && ((EmailFrequency) row[5]).digest()));
        }
        if (version >= 0) {
            em.createNativeQuery("select subscription_id from subscription_removed where index_version > ?1")
                    .setParameter(1, version).getResultList().forEach(id -> remove(id.toString()));
        }
        version = current;
    }

    /**
     * The subscriptions that want {@code type} of change {@code seq} to the notice with {@code terms}, as of the last
     * {@link #refresh}: those filed under one of its terms, and those that want every notice, that its filter selects.
     */
    public synchronized List<Match> match(NoticeTerms terms, EventType type, long seq) {
        long stamp = ++notices;
        List<Match> matches = new ArrayList<>();
        List<String> dimensions = SubscriptionFilter.DIMENSIONS;
        List<List<String>> present = dimensions.stream().map(terms::in).toList();
        for (int i = 0; i < dimensions.size(); i++) {
            for (String term : present.get(i)) {
                tryFiled(IndexedSubscription.key(dimensions.get(i), term), terms, type, seq, stamp, matches);
                for (int j = i + 1; j < dimensions.size(); j++) {
                    for (String other : present.get(j)) {
                        tryFiled(IndexedSubscription.key(dimensions.get(i), term, dimensions.get(j), other), terms, type, seq, stamp, matches);
                    }
                }
            }
        }
        for (IndexedSubscription candidate : everything) {
            confirm(candidate, terms, type, seq, matches);
        }
        return matches;
    }

    private void tryFiled(String key, NoticeTerms terms, EventType type, long seq, long stamp, List<Match> matches) {
        Set<IndexedSubscription> filed = byKey.get(key);
        if (filed == null) {
            return;
        }
        for (IndexedSubscription candidate : filed) {
            if (candidate.seenFor != stamp) {
                candidate.seenFor = stamp;
                confirm(candidate, terms, type, seq, matches);
            }
        }
    }

    /** How many subscriptions the index holds. */
    public synchronized int size() {
        return byId.size();
    }

    private static void confirm(IndexedSubscription candidate, NoticeTerms terms, EventType type, long seq, List<Match> matches) {
        if (candidate.wants(terms, type, seq)) {
            matches.add(new Match(candidate.id, candidate.filter, candidate.digest));
        }
    }

    private void add(IndexedSubscription s) {
        byId.put(s.id, s);
        if (s.keys.isEmpty()) {
            everything.add(s);
        }
        s.keys.forEach(key -> byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(s));
    }

    private void remove(String id) {
        IndexedSubscription s = byId.remove(id);
        if (s == null) {
            return;
        }
        everything.remove(s);
        for (String key : s.keys) {
            Set<IndexedSubscription> filed = byKey.get(key);
            filed.remove(s);
            if (filed.isEmpty()) {
                byKey.remove(key);
            }
        }
    }
}
