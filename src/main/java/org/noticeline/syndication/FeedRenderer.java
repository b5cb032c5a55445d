package org.noticeline.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.hash.Sha256;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeQuery;
import org.noticeline.web.PublicUrls;

import java.time.Instant;
import java.util.List;

/** Reads the notices of a selection that changed last and writes them as a feed of one type. */
@ApplicationScoped
public class FeedRenderer {

    static final String DESCRIPTION = "The " + FeedSelection.ENTRIES + " notices of this timeline that changed last, newest"
            + " change first. A correction or a withdrawal updates the entry it concerns; withdrawn notices are marked.";

    @Inject
    CatalogStore catalogStore;
    @Inject
    PublicUrls urls;

    @Transactional
    RenderedFeed render(FeedSelection selection, FeedType type) {
        Catalog catalog = catalogStore.catalog();
        List<Notice> notices = NoticeQuery.lastChanged(selection.filter(), FeedSelection.ENTRIES);
        Instant updated = notices.isEmpty() ? Instant.EPOCH : notices.get(0).updatedAt;
        TimelineFeed feed = new TimelineFeed(selection.id(), selection.title(catalog), DESCRIPTION,
                urls.base() + selection.path(FeedType.ATOM), urls.base() + selection.path(FeedType.RSS), selection.pageUrl(urls),
                updated, notices.stream().map(n -> FeedItem.of(n, catalog, urls)).toList());
        byte[] body = FeedWriter.write(feed, type);
        return new RenderedFeed(type, body, "\"" + Sha256.hex(body) + "\"", updated);
    }
}
