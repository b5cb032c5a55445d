package org.noticeline.subscription.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.noticeline.changelog.Change;
import org.noticeline.notice.Notice;
import org.noticeline.search.MatchableNotice;
import org.noticeline.subscription.EventPayload;
import org.noticeline.subscription.EventType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The database work of a batch, done once for all streams: each notice loaded once, each payload built once. */
@ApplicationScoped
class ChangePreparer {

    /**
     * The public changes of {@code changes} that make an event of a type in {@code wanted}, in order, each with its
     * notice as it is now; a notice that is gone, or is not public (any more), makes none.
     */
    @Transactional
    List<PreparedChange> prepare(List<Change> changes, Set<EventType> wanted) {
        Map<Long, Optional<Notice>> notices = new HashMap<>();
        List<PreparedChange> prepared = new ArrayList<>();
        for (Change change : changes) {
            Optional<EventType> type = EventType.of(change).filter(wanted::contains);
            if (type.isEmpty() || change.noticeId() == null) {
                continue;
            }
            Optional<Notice> notice = notices.computeIfAbsent(change.noticeId(),
                    id -> Optional.ofNullable(Notice.<Notice>findById(id)).filter(n -> n.status.seenByEveryone()));
            notice.ifPresent(n -> prepared.add(new PreparedChange(change, type.get(), n, MatchableNotice.of(n),
                    EventPayload.of(type.get(), change, n, Map.of()))));
        }
        return prepared;
    }
}
