package org.noticeline.search.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.notice.export.ExportFormat;
import org.noticeline.notice.export.NoticeExporter;
import org.noticeline.notice.rest.Exports;
import java.util.List;
import java.util.Optional;

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
    @Inject
    NoticeExporter exporter;

    /** A page of hits, or with {@code format=} (or an {@code Accept} only an export has) every hit as an export. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson", "application/vnd.citationstyles.csl+json", "application/x-bibtex"})
    @APIResponse(responseCode = "200", description = "A page of hits, or an export of all of them",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResult.class)),
                    @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
                    @Content(mediaType = "application/vnd.citationstyles.csl+json"), @Content(mediaType = "application/x-bibtex")})
    public Response search(@BeanParam SearchParams params, @RestQuery List<String> format, @Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<ExportFormat> export = Exports.requested(format, headers.getAcceptableMediaTypes());
        return SearchParams.answer(config, () -> {
            SearchRequest request = params.toRequest(catalog.catalog(), config);
            if (export.isEmpty()) {
                return Response.ok(search.search(request), MediaType.APPLICATION_JSON_TYPE).build();
            }
            long seq = request.asOf() != null ? request.asOf() : search.position();
            return Exports.response(exporter.prepare(search.all(request), export.get(), seq, uri.getRequestUri().getRawQuery()));
        });
    }
}
