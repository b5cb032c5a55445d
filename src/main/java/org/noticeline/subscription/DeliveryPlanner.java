package org.noticeline.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.hash.Sha256;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.time.AppClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns committed changes into deliveries, inside the database: under the {@code subscription_cursor} row lock it
 * reads the changes after its stored position, finds each notice's candidate subscriptions by their indexed terms
 * ({@code subscription_term}: the notice's terms or {@code *}, in every dimension), confirms each with {@link
 * org.noticeline.notice.NoticeFilter#match}, inserts one delivery per (subscription, change) with its payload and
 * message id, and moves the position on: all in one transaction. Any replica may plan; they take turns on the lock,
 * and each change is planned exactly once (the unique key on subscription and seq would refuse a second time).
 */
@ApplicationScoped
public class DeliveryPlanner {

    static final int BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    ChangeLog log;
    @Inject
    ObjectMapper json;
    @Inject
    AppClock clock;

    /** Plans batch after batch until the log is read; answers the changes read. */
    public int planAll() {
        int total = 0;
        int planned;
        do {
            planned = planBatch();
            total += planned;
        } while (planned == BATCH);
        return total;
    }

    /** Plans at most {@link #BATCH} changes after the stored position, in one transaction; answers how many it read. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int planBatch() {
        em.createNativeQuery("select position from subscription_cursor where name = 'planner' for update").getResultList();
        // Read again after the lock: a planner that waited for it sees where the one before it stopped.
        long position = ((Number) em.createNativeQuery("select position from subscription_cursor where name = 'planner'")
                .getSingleResult()).longValue();
        List<Change> changes = log.read(position, BATCH, true);
        if (changes.isEmpty()) {
            return 0;
        }
        for (Change change : changes) {
            plan(change);
        }
        em.createNativeQuery("update subscription_cursor set position = ?1 where name = 'planner'")
                .setParameter(1, changes.get(changes.size() - 1).seq()).executeUpdate();
        return changes.size();
    }

    /** Where the planner stands: every change up to it has been planned. */
    @Transactional
    public long position() {
        return ((Number) em.createNativeQuery("select position from subscription_cursor where name = 'planner'").getSingleResult()).longValue();
    }

    private void plan(Change change) {
        Optional<EventType> type = EventType.of(change);
        if (type.isEmpty() || change.noticeId() == null) {
            return;
        }
        Notice notice = Notice.findById(change.noticeId());
        if (notice == null) {
            return;
        }
        NoticeDetailView view = null;
        for (String id : candidates(notice)) {
            Subscription subscription = em.find(Subscription.class, id);
            if (subscription == null || subscription.status == SubscriptionStatus.DISABLED
                    || subscription.status == SubscriptionStatus.UNCONFIRMED || !subscription.wants(type.get())
                    || subscription.startAfter >= change.seq()) {
                continue;
            }
            Optional<Map<String, List<String>>> matched = filter(subscription).toNoticeFilter().match(notice);
            if (matched.isEmpty()) {
                continue;
            }
            if (view == null) {
                view = NoticeDetailView.of(notice, NoticeRevision.of(notice));
            }
            EventPayload payload = new EventPayload(type.get().id(), change.at(), new EventPayload.Data(
                    new EventPayload.ChangeRef(change.seq(), change.kind().id(), change.at()), view, Map.copyOf(matched.get())));
            Delivery delivery = new Delivery();
            delivery.subscriptionId = subscription.id;
            delivery.seq = change.seq();
            delivery.eventType = type.get().id();
            delivery.messageId = messageId(subscription.id, change.seq());
            delivery.payload = write(payload);
            // A digest subscriber's changes wait for its digest (subscription.email), which lists them in one mail.
            delivery.status = subscription.digest() ? DeliveryStatus.HELD : DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.createdAt = clock.now();
            delivery.nextAttemptAt = delivery.createdAt;
            delivery.persist();
        }
    }

    /**
     * Subscriptions that have, in every dimension, one of the notice's terms or {@code *}: found through the index on
     * (dimension, term), never by reading every subscription.
     */
    @SuppressWarnings("unchecked")
    private List<String> candidates(Notice notice) {
        Map<String, List<String>> terms = SubscriptionFilter.termsOf(notice);
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, List<String>> dimension : terms.entrySet()) {
            where.append(where.length() == 0 ? "" : " or ").append("(dimension = ?").append(parameters.size() + 1).append(" and term in (");
            parameters.add(dimension.getKey());
            for (int i = 0; i < dimension.getValue().size(); i++) {
                where.append(i == 0 ? "?" : ", ?").append(parameters.size() + 1);
                parameters.add(dimension.getValue().get(i));
            }
            where.append("))");
        }
        Query query = em.createNativeQuery("select subscription_id from subscription_term where " + where
                + " group by subscription_id having count(distinct dimension) = " + terms.size() + " order by subscription_id");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Object>) query.getResultList()).stream().map(Object::toString).toList();
    }

    SubscriptionFilter filter(Subscription subscription) {
        try {
            return json.readValue(subscription.filterJson, SubscriptionFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("subscription " + subscription.id + " holds a filter that is not JSON", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload always serialises", e);
        }
    }

    /** The {@code webhook-id} of a change to a subscription: derived, so the same pair always carries the same one. */
    static String messageId(String subscriptionId, long seq) {
        return "msg_" + Sha256.hex(subscriptionId + ":" + seq).substring(0, 32);
    }
}
