package org.noticeline.syndication;

import org.noticeline.notice.NoticeFilter;

/** Where a timeline page's own feeds are: its scope and the visitor's filters, as Atom and as RSS. */
public record FeedLinks(String atom, String rss) {

    public static FeedLinks of(NoticeFilter filter) {
        FeedSelection selection = FeedSelection.of(filter);
        return new FeedLinks(selection.path(FeedType.ATOM), selection.path(FeedType.RSS));
    }
}
