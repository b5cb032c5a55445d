package org.noticeline.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** The contract of list endpoints: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record NoticeListView(@Schema(description = "This page of notices, newest first") List<NoticeView> items,
                             @Schema(description = "Pass as cursor= for the next page; null on the last") String nextCursor) {

    public static NoticeListView of(NoticeQuery.Slice slice) {
        return new NoticeListView(slice.items().stream().map(NoticeView::of).toList(),
                slice.next() == null ? null : slice.next().encode());
    }
}
