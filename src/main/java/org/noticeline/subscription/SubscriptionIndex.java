package org.noticeline.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.MatchableNotice;
import org.noticeline.search.QuerySyntaxException;
import org.noticeline.search.TextFilter;
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
 * {@code /api/notices} would judge it, and then, if it has a search alert, with its query on the notice alone
 * ({@link MatchableNotice}).
 * <p>
 * The database is the truth: {@link #refresh} (in the planner's transaction, before each batch) reads the
 * subscriptions stamped, and the tombstones numbered, above the last {@link SubscriptionVersions} number it saw, the
 * first time all of them. So every replica's index holds what was committed before its planner's batch began.
 */
@ApplicationScoped
public class SubscriptionIndex {

    private static final Logger LOG = Logger.getLogger(SubscriptionIndex.class);

    /** A subscription that wants a change, with its filters, which tell the terms that matched. */
    public record Match(String subscriptionId, NoticeFilter filter, TextFilter text, boolean digest) {

        /** The terms of the notice that the filter named, by parameter, and the search alert's query as {@code q}. */
        public Map<String, List<String>> matched(NoticeTerms terms) {
            return text.withQuery(filter.match(terms)
                    .orElseThrow(() -> new IllegalStateException(subscriptionId + " was matched by its own filter")));
        }
    }

    @Inject
    EntityManager em;
    @Inject
    SubscriptionVersions versions;
    @Inject
    ObjectMapper json;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;

    private final Map<String, IndexedSubscription> byId = new HashMap<>();
    private final Map<String, Set<IndexedSubscription>> byKey = new HashMap<>();
    private final Map<String, Set<IndexedSubscription>> byText = new HashMap<>();
    private final Set<IndexedSubscription> everything = new LinkedHashSet<>();
    private long version = -1;
    private long notices;
    /** One parsed query per text, so that a notice runs each text once however many alerts share it. */
    private final Map<String, TextFilter> parsed = new HashMap<>();
    private Catalog parsedWith;

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
            SubscriptionFilter filter = SubscriptionFilter.fromJson(json, id, (String) row[1]);
            add(new IndexedSubscription(id, filter, text(id, filter), Subscription.eventList((String) row[2]), (Long) row[4],
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
     * A search alert as the catalog reads it now. One that the catalog has since made unreadable (a platform it no
     * longer knows) matches nothing, rather than everything, until its owner changes it.
     */
    private TextFilter text(String id, SubscriptionFilter filter) {
        if (filter.q() == null) {
            return TextFilter.NONE;
        }
        Catalog now = catalog.catalog();
        if (now != parsedWith) {
            parsed.clear();
            parsedWith = now;
        }
        TextFilter known = parsed.get(filter.q());
        if (known != null) {
            return known;
        }
        try {
            TextFilter text = filter.text(now, config.search());
            parsed.put(filter.q(), text);
            return text;
        } catch (QuerySyntaxException e) {
            LOG.warnf("subscription %s: its query no longer reads (%s); it matches nothing until it is changed", id, e.getMessage());
            return TextFilter.unreadable(filter.q());
        }
    }

    /**
     * The subscriptions that want {@code type} of change {@code seq} to {@code notice}, as of the last
     * {@link #refresh}: those filed under one of its terms, and those that want every notice, that its filters select.
     */
    public synchronized List<Match> match(MatchableNotice notice, EventType type, long seq) {
        NoticeTerms terms = notice.terms();
        long stamp = ++notices;
        List<Match> matches = new ArrayList<>();
        List<String> dimensions = SubscriptionFilter.DIMENSIONS;
        List<List<String>> present = dimensions.stream().map(terms::in).toList();
        for (int i = 0; i < dimensions.size(); i++) {
            for (String term : present.get(i)) {
                tryFiled(byKey.get(IndexedSubscription.key(dimensions.get(i), term)), notice, type, seq, stamp, matches);
                for (int j = i + 1; j < dimensions.size(); j++) {
                    for (String other : present.get(j)) {
                        tryFiled(byKey.get(IndexedSubscription.key(dimensions.get(i), term, dimensions.get(j), other)), notice, type, seq, stamp, matches);
                    }
                }
            }
        }
        if (!byText.isEmpty()) {
            for (String term : notice.held()) {
                tryFiled(byText.get(term), notice, type, seq, stamp, matches);
            }
        }
        for (IndexedSubscription candidate : everything) {
            confirm(candidate, notice, type, seq, matches);
        }
        return matches;
    }

    private static void tryFiled(Set<IndexedSubscription> filed, MatchableNotice notice, EventType type, long seq, long stamp,
                                 List<Match> matches) {
        if (filed == null) {
            return;
        }
        for (IndexedSubscription candidate : filed) {
            if (candidate.seenFor != stamp) {
                candidate.seenFor = stamp;
                confirm(candidate, notice, type, seq, matches);
            }
        }
    }

    /** How many subscriptions the index holds. */
    public synchronized int size() {
        return byId.size();
    }

    private static void confirm(IndexedSubscription candidate, MatchableNotice notice, EventType type, long seq, List<Match> matches) {
        if (candidate.wants(notice, type, seq)) {
            matches.add(new Match(candidate.id, candidate.filter, candidate.text, candidate.digest));
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
        unfile(byKey, s.keys, s);
        unfile(byText, s.textKeys, s);
    }

    private static void unfile(Map<String, Set<IndexedSubscription>> filing, List<String> keys, IndexedSubscription s) {
        for (String key : keys) {
            Set<IndexedSubscription> filed = filing.get(key);
            filed.remove(s);
            if (filed.isEmpty()) {
                filing.remove(key);
            }
        }
    }
}
