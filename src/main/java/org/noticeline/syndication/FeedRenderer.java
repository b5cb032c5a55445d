package org.noticeline.syndication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.hash.Sha256;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeQuery;
import org.noticeline.search.NoticeSearch;
import org.noticeline.web.PublicUrls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads the notices of a selection that changed last and writes them as a feed of one type. */
@ApplicationScoped
public class FeedRenderer {

    static final String DESCRIPTION = "The " + FeedSelection.ENTRIES + " notices of this timeline that changed last, newest"
            + " change first. A correction or a withdrawal updates the entry it concerns; withdrawn notices are marked.";

    @Inject
    CatalogStore catalogStore;
    @Inject
    PublicUrls urls;
    @Inject
    NoticeSearch search;

    @Transactional
    RenderedFeed render(FeedSelection selection, FeedType type) {
        Catalog catalog = catalogStore.catalog();
        List<Notice> notices = selection.text().isEmpty() ? NoticeQuery.lastChanged(selection.filter(), FeedSelection.ENTRIES)
                : inOrder(search.lastChanged(selection.text().q(), selection.filter(), FeedSelection.ENTRIES));
        Instant updated = notices.isEmpty() ? Instant.EPOCH : notices.get(0).updatedAt;
        TimelineFeed feed = new TimelineFeed(selection.id(), selection.title(catalog), DESCRIPTION,
                urls.base() + selection.path(FeedType.ATOM), urls.base() + selection.path(FeedType.RSS), selection.pageUrl(urls),
                updated, notices.stream().map(n -> FeedItem.of(n, catalog, urls)).toList());
        byte[] body = FeedWriter.write(feed, type);
        return new RenderedFeed(type, body, "\"" + Sha256.hex(body) + "\"", updated);
    }

    /** The notices of {@code ids} in that order; one the index still has but the database no longer does is left out. */
    private static List<Notice> inOrder(List<Long> ids) {
        Map<Long, Notice> byId = Notice.<Notice>list("id in ?1", ids).stream().collect(Collectors.toMap(n -> n.id, n -> n));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
