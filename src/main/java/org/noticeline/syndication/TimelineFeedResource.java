package org.noticeline.syndication;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.search.NoticeSearch;
import org.noticeline.search.rest.TextFilterParams;
import org.noticeline.web.ConditionalGet;

import java.util.Date;

/**
 * {@code GET /feeds/notices.atom} and {@code /feeds/notices.rss}: a timeline as a feed, with the filters of
 * {@code /api/notices} (refused the same way), served from {@link FeedCache} and answered 304 when the reader's copy
 * is current. No {@code @Produces}: a feed reader that asks for {@code text/xml} still gets its feed.
 */
@Path("/feeds")
public class TimelineFeedResource {

    /** Short, so that a CDN in front shows a change within a minute; readers revalidate with the ETag after that. */
    static final String CACHE_CONTROL = "public, max-age=60";
    static final String DESCRIPTION = "The " + FeedSelection.ENTRIES + " notices matching the filters (platform, rule, authority,"
            + " type, jurisdiction, proceeding, from, to; as for /api/notices) and q (a search alert; as for /api/search) that changed last, newest change first, withdrawn ones included"
            + " and marked. Entry ids never change, so a correction is an updated entry. limit, cursor and withdrawn are"
            + " checked as for /api/notices but change nothing. Conditional GET with If-None-Match or If-Modified-Since.";

    @Inject
    CatalogStore catalogStore;
    @Inject
    NoticelineConfig config;
    @Inject
    FeedCache cache;
    @Inject
    FeedRenderer renderer;
    @Inject
    NoticeSearch search;

    @GET
    @Path("notices.atom")
    @Operation(summary = "A timeline as Atom 1.0", description = DESCRIPTION)
    public Response atom(@BeanParam TextFilterParams params, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @RestHeader(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return serve(FeedType.ATOM, params, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("notices.rss")
    @Operation(summary = "A timeline as RSS 2.0", description = DESCRIPTION)
    public Response rss(@BeanParam TextFilterParams params, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @RestHeader(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return serve(FeedType.RSS, params, ifNoneMatch, ifModifiedSince);
    }

    private Response serve(FeedType type, TextFilterParams params, String ifNoneMatch, String ifModifiedSince) {
        FeedSelection selection = FeedSelection.of(params.toFilter(catalogStore.catalog(), config), params.textFilter(catalogStore.catalog(), config));
        // A search alert's feed is read from the search index, which follows the change log on its own: keyed by the
        // index's position too, so that a feed rendered before the index took a change is not what is served after.
        String key = selection.cacheKey(type) + (selection.text().isEmpty() ? "" : "@" + search.position());
        RenderedFeed feed = TextFilterParams.answer(config, () -> cache.get(key, () -> renderer.render(selection, type)));
        Response.ResponseBuilder response = ConditionalGet.notModified(ifNoneMatch, ifModifiedSince, feed.etag(), feed.lastModified())
                ? Response.notModified()
                : Response.ok(feed.body(), feed.type().contentType());
        return response.header(HttpHeaders.ETAG, feed.etag())
                .lastModified(Date.from(feed.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }
}
