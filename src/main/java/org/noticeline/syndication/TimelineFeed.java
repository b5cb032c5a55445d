package org.noticeline.syndication;

import java.time.Instant;
import java.util.List;

/**
 * One feed before it is Atom or RSS, so that both formats say the same: {@code updated} is its newest entry's
 * (the epoch when it has none), links are absolute under the public base.
 */
record TimelineFeed(String id, String title, String description, String atomUrl, String rssUrl, String pageUrl,
                    Instant updated, List<FeedItem> items) {

    TimelineFeed {
        // The title names catalog entries, which come from files: they may hold what XML cannot carry too.
        title = XmlText.of(title);
    }

    String selfUrl(FeedType type) {
        return type == FeedType.ATOM ? atomUrl : rssUrl;
    }
}
