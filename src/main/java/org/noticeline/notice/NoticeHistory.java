package org.noticeline.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.transaction.Milestones;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record as it stood after a given change ({@code asOf=<seq>}), from the states the change log keeps: for each
 * notice, the state its latest change up to that position left it in. A question reaching back to a change without a
 * state (from before those were kept) is refused rather than answered approximately.
 */
@ApplicationScoped
public class NoticeHistory {

    private static final Logger LOG = Logger.getLogger(NoticeHistory.class);
    private static final int BATCH = 500;
    /** The milestone of {@link #onStart}: every change's state is kept. */
    static final String STATES_FILLED = "change-states-filled";

    /** A position the record cannot be given at: after the newest change, or before the states were kept. */
    public static class PositionRefused extends RuntimeException {
        PositionRefused(String message) {
            super(message);
        }
    }

    /** A notice as it stood, with the id that orders it within a date. */
    public record StoodAs(long noticeId, NoticeView view) {
    }

    @Inject
    EntityManager em;
    @Inject
    ChangeLog changes;
    @Inject
    Milestones milestones;

    /**
     * Gives each notice's latest change a state where it has none (a log from before states were kept): the notice has
     * not changed since, so its state now is the one that change left. Before the corpus loads and the relinker runs,
     * so that on an upgraded database they find those rows filled.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) StartupEvent event) {
        if (milestones.reached(STATES_FILLED)) {
            return;
        }
        int filled = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::fillBatch);
            filled += batch;
        } while (batch == BATCH);
        if (filled > 0) {
            LOG.infof("kept the state of %d notices for asOf queries", filled);
        }
        // Every change appended since states were kept has one: once filled, the log needs no second look.
        milestones.reach(STATES_FILLED);
    }

    @SuppressWarnings("unchecked")
    private int fillBatch() {
        List<Object[]> rows = em.createNativeQuery("select c.id, c.notice_id from notice_change c where c.state is null and c.notice_id is not null"
                        + " and not exists (select 1 from notice_change later where later.notice_id = c.notice_id and later.id > c.id)")
                .setMaxResults(BATCH).getResultList();
        for (Object[] row : rows) {
            Notice notice = em.find(Notice.class, ((Number) row[1]).longValue());
            em.createNativeQuery("update notice_change set state = cast(?1 as text) where id = ?2 and state is null")
                    .setParameter(1, NoticeStates.of(notice)).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }

    /**
     * The notices of {@code filter} as they stood after change {@code seq}, newest first as timelines order them (the
     * filter's limit and cursor aside). A position after the log's head, or one that reaches a change kept without its
     * state, is refused.
     */
    @SuppressWarnings("unchecked")
    public List<StoodAs> asOf(long seq, NoticeFilter filter) {
        long head = changes.head();
        if (seq < 0 || seq > head) {
            throw new PositionRefused("no change " + seq + " yet; the log's newest is " + head);
        }
        List<Object[]> rows = em.createNativeQuery("select c.notice_id, c.state, c.visible, c.seq from notice_change c join"
                        + " (select notice_id, max(seq) as last_seq from notice_change where seq <= ?1 and notice_id is not null group by notice_id) l"
                        + " on c.notice_id = l.notice_id and c.seq = l.last_seq")
                .setParameter(1, seq).getResultList();
        List<StoodAs> stood = new ArrayList<>();
        for (Object[] row : rows) {
            long noticeId = ((Number) row[0]).longValue();
            NoticeView view = row[1] != null ? NoticeStates.fromJson(row[1].toString())
                    : unchangedSince(noticeId, ((Number) row[3]).longValue()).orElseThrow(() -> new PositionRefused(
                    "the record before change " + seq + " is not kept exactly enough to answer; ask for a later position"));
            boolean visible = Boolean.TRUE.equals(row[2]);
            boolean status = NoticeStatus.PUBLISHED.id().equals(view.status())
                    || (filter.includeWithdrawn() && NoticeStatus.WITHDRAWN.id().equals(view.status()));
            if (visible && status && filter.matches(view)) {
                stood.add(new StoodAs(noticeId, view));
            }
        }
        stood.sort(Comparator.comparing((StoodAs s) -> s.view().date()).thenComparingLong(StoodAs::noticeId).reversed());
        return stood;
    }

    /**
     * The state a change kept without one (written by a replica from before states were kept) left its notice in,
     * when that is still its latest change: the notice as it is now, as the start-up fill would have kept it.
     */
    private Optional<NoticeView> unchangedSince(long noticeId, long changeSeq) {
        Number latest = (Number) em.createNativeQuery("select max(seq) from notice_change where notice_id = ?1").setParameter(1, noticeId)
                .getSingleResult();
        Notice notice = latest != null && latest.longValue() == changeSeq ? em.find(Notice.class, noticeId) : null;
        return Optional.ofNullable(notice).map(n -> NoticeStates.fromJson(NoticeStates.of(n)));
    }

    /**
     * The body each of {@code stood} had in the state it stood as: the text of its revision then (the latest at or
     * before the state's revision number), by notice id.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, String> bodies(List<StoodAs> stood) {
        Map<Long, Integer> revisions = new HashMap<>();
        stood.forEach(s -> revisions.put(s.noticeId(), s.view().revision()));
        Map<Long, Integer> chosen = new HashMap<>();
        Map<Long, String> snapshots = new HashMap<>();
        List<Long> ids = List.copyOf(revisions.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            for (Object[] row : (List<Object[]>) em.createNativeQuery("select notice_id, number, snapshot from notice_revision where notice_id in (:ids)")
                    .setParameter("ids", chunk).getResultList()) {
                long id = ((Number) row[0]).longValue();
                int number = ((Number) row[1]).intValue();
                if (number <= revisions.get(id) && number > chosen.getOrDefault(id, Integer.MIN_VALUE)) {
                    chosen.put(id, number);
                    snapshots.put(id, (String) row[2]);
                }
            }
        }
        Map<Long, String> bodies = new HashMap<>();
        snapshots.forEach((id, snapshot) -> bodies.put(id, NoticeSnapshots.fromJson(snapshot).body()));
        return bodies;
    }

    /** One page of {@link #asOf}, after the filter's cursor, with the cursor of the next page (null on the last). */
    public NoticeListView page(long seq, NoticeFilter filter) {
        List<StoodAs> all = asOf(seq, filter);
        Cursor after = filter.cursor();
        List<StoodAs> rest = after == null ? all : all.stream()
                .filter(s -> s.view().date().isBefore(after.date()) || (s.view().date().equals(after.date()) && s.noticeId() < after.id())).toList();
        List<StoodAs> page = rest.subList(0, Math.min(filter.limit(), rest.size()));
        StoodAs last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rest.size() > page.size() && last != null ? new Cursor(last.view().date(), last.noticeId()).encode() : null;
        return new NoticeListView(page.stream().map(StoodAs::view).toList(), next);
    }
}
