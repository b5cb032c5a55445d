package org.noticeline.notice;

import java.util.List;

/** The contract of list endpoints: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record NoticeListView(List<NoticeView> items, String nextCursor) {

    public static NoticeListView of(NoticeQuery.Slice slice) {
        return new NoticeListView(slice.items().stream().map(NoticeView::of).toList(),
                slice.next() == null ? null : slice.next().encode());
    }
}
