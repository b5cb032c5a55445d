package org.noticeline.notice.rest;

import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.NoticeQuery;
import org.noticeline.notice.NoticeListView;
import org.noticeline.notice.Notice;
import org.noticeline.domain.NotFoundException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.notice.export.ExportFormat;
import org.noticeline.notice.export.ExportedNotice;
import org.noticeline.notice.export.NoticeExporter;
import org.noticeline.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeHistory;
import org.noticeline.security.Scope;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.web.ProblemException;

/** Read side of notices as JSON. */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;
    @Inject
    Caller caller;
    @Inject
    NoticeExporter exporter;
    @Inject
    NoticeHistory history;

    /**
     * A page of the timeline, or with {@code format=} (or an {@code Accept} only an export has) the whole of it as an
     * export, which ignores {@code limit} and {@code cursor}.
     */
    @GET
    @Transactional
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/x-ndjson", "application/vnd.citationstyles.csl+json", "application/x-bibtex"})
    @APIResponse(responseCode = "200", description = "A page of notices, or an export of all of them",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeListView.class)),
                    @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = ExportedNotice.class)),
                    @Content(mediaType = "application/vnd.citationstyles.csl+json"), @Content(mediaType = "application/x-bibtex")})
    public Response list(@BeanParam NoticeFilterParams params, @RestQuery List<String> format, @RestQuery List<String> asOf,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<ExportFormat> export = Exports.requested(format, headers.getAcceptableMediaTypes());
        OptionalLong at = NoticeFilterParams.asOf(asOf);
        try {
            if (export.isPresent()) {
                params.limit = List.of();
                params.cursor = List.of();
                NoticeExporter.Prepared prepared = exporter.prepare(params.toFilter(catalog.catalog(), config), export.get(), at,
                        uri.getRequestUri().getRawQuery());
                return Exports.response(prepared);
            }
            NoticeFilter filter = params.toFilter(catalog.catalog(), config);
            NoticeListView page = at.isPresent() ? history.page(at.getAsLong(), filter) : NoticeListView.of(NoticeQuery.run(filter));
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (NoticeHistory.PositionRefused e) {
            throw ProblemException.badParameter("asOf", e.getMessage());
        }
    }

    @GET
    @Path("{slug}")
    @Transactional
    public Response get(@RestPath String slug) {
        return NoticeWriteResource.detail(visible(slug));
    }

    /** One version of a notice as it was written, with who wrote it. */
    public record RevisionDetail(int number, String changedBy, java.time.Instant changedAt, String note, String contentHash,
                                 NoticeContent content) {
        static RevisionDetail of(NoticeRevision r) {
            return new RevisionDetail(r.number, r.changedBy, r.changedAt, r.note, r.contentHash, NoticeSnapshots.fromJson(r.snapshot));
        }
    }

    @GET
    @Path("{slug}/revisions")
    @Transactional
    public java.util.List<RevisionDetail> revisions(@RestPath String slug) {
        return NoticeRevision.of(visible(slug)).stream().map(RevisionDetail::of).toList();
    }

    @GET
    @Path("{slug}/revisions/{number}")
    @Transactional
    public RevisionDetail revision(@RestPath String slug, @RestPath int number) {
        return NoticeRevision.of(visible(slug)).stream().filter(r -> r.number == number).findFirst().map(RevisionDetail::of)
                .orElseThrow(() -> new NotFoundException("revision", slug + "/" + number));
    }

    /** The notice, unless it is a draft and the reader holds no token: drafts are for editors, anyone else gets 404. */
    private Notice visible(String slug) {
        return Notice.visibleTo(slug, caller.grants(Scope.INGEST));
    }
}
