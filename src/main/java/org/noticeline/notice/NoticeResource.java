package org.noticeline.notice;

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
import org.noticeline.web.NoticeFilterParams;
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
        Notice notice = Notice.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("notice", slug));
        return NoticeDetailView.of(notice, NoticeRevision.of(notice));
    }
}
