package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.Change;
import org.noticeline.notice.NoticeTerms;
import org.noticeline.notice.NoticeTermsReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first half of planning: which subscriptions want each change of a batch. The terms of the batch's notices are
 * read in three queries ({@link NoticeTermsReader}), and each notice is matched against the {@link SubscriptionIndex},
 * brought up to date first. A change to a notice that is gone makes no delivery.
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
        List<MatchedChange> matched = new ArrayList<>();
        for (Change change : changes) {
            Optional<EventType> type = EventType.of(change);
            NoticeTerms notice = change.noticeId() == null ? null : terms.get(change.noticeId());
            if (type.isEmpty() || notice == null) {
                continue;
            }
            List<SubscriptionIndex.Match> matches = index.match(notice, type.get(), change.seq());
            if (!matches.isEmpty()) {
                matched.add(new MatchedChange(change, type.get(), notice, matches));
            }
        }
        return matched;
    }
}
