package org.noticeline.syndication;

import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.TextFilter;

/** Where a page's own feeds are: a timeline's scope and the visitor's filters (or a search's), as Atom and as RSS. */
public record FeedLinks(String atom, String rss) {

    public static FeedLinks of(NoticeFilter filter) {
        return of(filter, TextFilter.NONE);
    }

    public static FeedLinks of(NoticeFilter filter, TextFilter text) {
        FeedSelection selection = FeedSelection.of(filter, text);
        return new FeedLinks(selection.path(FeedType.ATOM), selection.path(FeedType.RSS));
    }
}
