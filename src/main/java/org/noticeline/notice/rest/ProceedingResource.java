package org.noticeline.notice.rest;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.catalog.CatalogViews.ProceedingView;
import org.noticeline.catalog.Proceeding;
import org.noticeline.domain.NotFoundException;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeStatus;
import org.noticeline.notice.NoticeView;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/proceedings/{id}}: one case with its public notices, oldest first. */
@Path("/api/proceedings/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ProceedingResource {

    public record ProceedingDetail(String id, String title, String authority, List<String> platforms, String instrument,
                                   LocalDate opened, String status, String summary, List<NoticeView> notices) {
        static ProceedingDetail of(ProceedingView p, List<NoticeView> notices) {
            return new ProceedingDetail(p.id(), p.title(), p.authority(), p.platforms(), p.instrument(), p.opened(), p.status(),
                    p.summary(), notices);
        }
    }

    @GET
    @Transactional
    public ProceedingDetail proceeding(@RestPath String id) {
        Proceeding proceeding = Proceeding.<Proceeding>findByIdOptional(id).orElseThrow(() -> new NotFoundException("proceeding", id));
        List<NoticeView> notices = Notice.<Notice>list("proceeding = ?1 and status = ?2 order by date, id", proceeding, NoticeStatus.PUBLISHED)
                .stream().map(NoticeView::of).toList();
        return ProceedingDetail.of(ProceedingView.of(proceeding), notices);
    }
}
