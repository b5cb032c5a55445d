package org.noticeline.subscription.stream;

import org.noticeline.changelog.Change;
import org.noticeline.notice.Notice;
import org.noticeline.search.MatchableNotice;
import org.noticeline.subscription.EventPayload;
import org.noticeline.subscription.EventType;

import java.util.List;
import java.util.Map;

/**
 * A change made ready for every stream at once: the notice as it is now (detached, its links loaded, for
 * {@link org.noticeline.notice.NoticeFilter#match}, and for search alerts as one {@link MatchableNotice} every stream
 * shares) and its payload without the matched terms, which differ by stream.
 */
record PreparedChange(Change change, EventType type, Notice notice, MatchableNotice matchable, EventPayload payload) {

    long seq() {
        return change.seq();
    }

    /** The payload one stream is sent: the same, with the terms of its filter that matched. */
    EventPayload matching(Map<String, List<String>> matched) {
        return new EventPayload(payload.type(), payload.timestamp(),
                new EventPayload.Data(payload.data().change(), payload.data().notice(), Map.copyOf(matched)));
    }
}
