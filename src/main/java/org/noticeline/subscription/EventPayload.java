package org.noticeline.subscription;

import org.noticeline.changelog.Change;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one payload of every channel: {@code {"type", "timestamp", "data": {"change": {seq, kind, at}, "notice": {...as in
 * /api/notices/{slug}...}, "matched": {...the filter terms that matched...}}}}. The timestamp is the change's, so the
 * payload of one change to one subscriber is the same whenever it is built from the same notice state.
 */
public record EventPayload(String type, Instant timestamp, Data data) {

    public record Data(ChangeRef change, NoticeDetailView notice, Map<String, List<String>> matched) {
    }

    public record ChangeRef(long seq, String kind, Instant at) {
    }

    public static EventPayload of(EventType type, Change change, Notice notice, Map<String, List<String>> matched) {
        return new EventPayload(type.id(), change.at(), new Data(new ChangeRef(change.seq(), change.kind().id(), change.at()),
                NoticeDetailView.of(notice, NoticeRevision.of(notice)), Map.copyOf(matched)));
    }
}
