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

    @GET
    @Transactional
    public NoticeListView list(@BeanParam NoticeFilterParams params) {
        return NoticeListView.of(NoticeQuery.run(params.toFilter(catalog.catalog(), config)));
    }

    @GET
    @Path("{slug}")
    @Transactional
    public NoticeDetailView get(@RestPath String slug) {
        Notice notice = Notice.require(slug);
        return NoticeDetailView.of(notice, NoticeRevision.of(notice));
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
        return NoticeRevision.of(Notice.require(slug)).stream().map(RevisionDetail::of).toList();
    }

    @GET
    @Path("{slug}/revisions/{number}")
    @Transactional
    public RevisionDetail revision(@RestPath String slug, @RestPath int number) {
        return NoticeRevision.of(Notice.require(slug)).stream().filter(r -> r.number == number).findFirst().map(RevisionDetail::of)
                .orElseThrow(() -> new NotFoundException("revision", slug + "/" + number));
    }

}
