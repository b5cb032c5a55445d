package org.noticeline.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.hash.Sha256;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.time.AppClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns committed changes into deliveries, inside the database: under the {@code subscription_cursor} row lock it
 * reads the changes after its stored position, finds the subscriptions that want each ({@link ChangeMatcher}, against
 * this replica's {@link SubscriptionIndex}), inserts one delivery per (subscription, change) with its payload and
 * message id, and moves the position on: all in one transaction. Any replica may plan; they take turns on the lock,
 * and each change is planned exactly once (the unique key on subscription and seq would refuse a second time).
 */
@ApplicationScoped
public class DeliveryPlanner {

    static final int BATCH = 500;
    /** How an {@link EventPayload} with no matched terms ends; each delivery's own terms go in their place. */
    private static final String NO_MATCHED = "\"matched\":{}}}";

    @Inject
    EntityManager em;
    @Inject
    ChangeLog log;
    @Inject
    ChangeMatcher matcher;
    @Inject
    DeliveryRows rows;
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
        Instant now = clock.now();
        List<MatchedChange> matched = matcher.match(changes);
        Map<Long, Notice> notices = matched.isEmpty() ? Map.of() : Notice.<Notice>list("id in ?1",
                matched.stream().map(m -> m.change().noticeId()).distinct().toList()).stream().collect(Collectors.toMap(n -> n.id, n -> n));
        List<DeliveryRows.Planned> planned = new ArrayList<>();
        for (MatchedChange change : matched) {
            Notice notice = notices.get(change.change().noticeId());
            if (notice != null) {
                deliveries(change, notice, now, planned);
            }
        }
        // A subscription deleted since the index was refreshed fails its delivery's foreign key: the batch rolls back,
        // and the next round, refreshed, plans it without.
        rows.insert(planned);
        em.createNativeQuery("update subscription_cursor set position = ?1 where name = 'planner'")
                .setParameter(1, changes.get(changes.size() - 1).seq()).executeUpdate();
        return changes.size();
    }

    /** Where the planner stands: every change up to it has been planned. */
    @Transactional
    public long position() {
        return ((Number) em.createNativeQuery("select position from subscription_cursor where name = 'planner'").getSingleResult()).longValue();
    }

    /**
     * One delivery per subscription that wants {@code matched}. The payload differs between them only in its matched
     * terms, its last member: the notice is written out once, and each delivery's terms are put at the end.
     */
    private void deliveries(MatchedChange matched, Notice notice, Instant now, List<DeliveryRows.Planned> into) {
        Change change = matched.change();
        NoticeDetailView view = NoticeDetailView.of(notice, NoticeRevision.of(notice));
        EventPayload.ChangeRef ref = new EventPayload.ChangeRef(change.seq(), change.kind().id(), change.at());
        String template = write(new EventPayload(matched.type().id(), change.at(), new EventPayload.Data(ref, view, Map.of())));
        for (SubscriptionIndex.Match match : matched.matches()) {
            String payload = template.endsWith(NO_MATCHED)
                    ? template.substring(0, template.length() - 4) + write(match.matched(matched.terms())) + "}}"
                    : write(new EventPayload(matched.type().id(), change.at(), new EventPayload.Data(ref, view, match.matched(matched.terms()))));
            into.add(new DeliveryRows.Planned(match.subscriptionId(), change.seq(), matched.type().id(),
                    messageId(match.subscriptionId(), change.seq()), payload, now,
                    // A digest subscriber's changes wait for its digest (subscription.email), which lists them in one mail.
                    match.digest() ? DeliveryStatus.HELD : DeliveryStatus.PENDING));
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
