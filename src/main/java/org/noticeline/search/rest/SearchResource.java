package org.noticeline.search.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.search.NoticeSearch;
import org.noticeline.search.SearchRequest;
import org.noticeline.search.SearchResult;

/** {@code GET /api/search}: notices matching a query, with facets and highlighted snippets. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    NoticeSearch search;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;

    @GET
    public SearchResult search(@BeanParam SearchParams params) {
        return SearchParams.answer(config, () -> {
            SearchRequest request = params.toRequest(catalog.catalog(), config);
            return search.search(request);
        });
    }
}
