package org.noticeline.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.Change;
import org.noticeline.notice.Notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The first half of planning: which subscriptions want each change of a batch. The batch's notices are read in one
 * query (their platforms and rules in a few more, batch-fetched), and each is matched against the
 * {@link SubscriptionIndex}, brought up to date first.
 */
@ApplicationScoped
public class ChangeMatcher {

    @Inject
    SubscriptionIndex index;

    /** The changes of {@code changes} that some subscription wants, in order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MatchedChange> match(List<Change> changes) {
        index.refresh();
        List<Long> ids = changes.stream().filter(c -> c.noticeId() != null && EventType.of(c).isPresent())
                .map(Change::noticeId).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Notice> notices = Notice.<Notice>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(n -> n.id, Function.identity()));
        List<MatchedChange> matched = new ArrayList<>();
        for (Change change : changes) {
            Optional<EventType> type = EventType.of(change);
            Notice notice = change.noticeId() == null ? null : notices.get(change.noticeId());
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
