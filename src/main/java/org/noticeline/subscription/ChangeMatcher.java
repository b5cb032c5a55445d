package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.Change;
import org.noticeline.notice.NoticeTerms;
import org.noticeline.notice.NoticeTermsReader;
import org.noticeline.notice.NoticeText;
import org.noticeline.search.MatchableNotice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The first half of planning: which subscriptions want each change of a batch. The terms of the batch's notices are
 * read in three queries ({@link NoticeTermsReader}), and each notice is matched against the {@link SubscriptionIndex},
 * brought up to date first. A change to a notice that is gone makes no delivery. The notices' texts are read only
 * when a search alert is tried, for the whole batch at once.
 */
@ApplicationScoped
public class ChangeMatcher {

    @Inject
    SubscriptionIndex index;
    @Inject
    NoticeTermsReader notices;

    /** The changes of {@code changes} that some subscription wants, in order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MatchedChange> match(List<Change> changes) {
        index.refresh();
        List<Long> ids = changes.stream().filter(c -> c.noticeId() != null && EventType.of(c).isPresent())
                .map(Change::noticeId).distinct().toList();
        Map<Long, NoticeTerms> terms = notices.read(ids);
        // The texts of the whole batch in one query, the first time a search alert asks for one.
        Supplier<Map<Long, NoticeText>> texts = memoize(() -> notices.readText(ids));
        Map<Long, MatchableNotice> matchable = new HashMap<>();
        List<MatchedChange> matched = new ArrayList<>();
        for (Change change : changes) {
            Optional<EventType> type = EventType.of(change);
            NoticeTerms notice = change.noticeId() == null ? null : terms.get(change.noticeId());
            if (type.isEmpty() || notice == null) {
                continue;
            }
            MatchableNotice candidate = matchable.computeIfAbsent(change.noticeId(),
                    id -> MatchableNotice.of(notice, () -> texts.get().get(id)));
            List<SubscriptionIndex.Match> matches = index.match(candidate, type.get(), change.seq());
            if (!matches.isEmpty()) {
                matched.add(new MatchedChange(change, type.get(), notice, matches));
            }
        }
        return matched;
    }

    private static <T> Supplier<T> memoize(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
