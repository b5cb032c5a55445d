package org.noticeline.ingest;

import org.noticeline.notice.NoticeStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeService;
import org.noticeline.transaction.RetryOnConflict;
import org.noticeline.security.Caller;
import org.noticeline.security.CsrfToken;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.web.ProblemException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Drafts from documents and feeds awaiting an editor: listed with what was detected in them, to be
 * accepted or discarded. Editors sign in first (browsers cannot send bearer tokens); the forms carry the session's
 * CSRF token, which {@code CsrfFilter} checks.
 */
@Path("/admin/review")
@Secured(Scope.INGEST)
public class ReviewPage {

    /** A draft as the review page lists it. */
    public record Draft(String slug, String title, LocalDate date, String type, String authority, List<String> platforms,
                        List<String> rules, String origin, String sourceFile) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(List<Draft> drafts, String editor, String csrf);
    }

    @Inject
    NoticeService notices;
    @Inject
    Caller caller;
    @Inject
    CsrfToken csrf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance list() {
        List<Draft> drafts = Notice.<Notice>list("status = ?1 order by ingestedAt desc, id desc", NoticeStatus.DRAFT).stream()
                .map(n -> new Draft(n.slug, n.title, n.date, n.type, n.authority.name, n.platformIds(), n.ruleKeys(), n.origin.id(), n.sourceFile))
                .toList();
        return Templates.review(drafts, caller.name(), csrf.of(caller));
    }

    @POST
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RetryOnConflict
    @Transactional
    public Response decide(@RestPath String slug, @RestForm String action, @RestForm String reason) {
        switch (action == null ? "" : action) {
            case "accept" -> notices.publish(slug, caller.name());
            case "discard" -> notices.discard(slug, reason, caller.name());
            default -> throw ProblemException.badParameter("action", "expected accept or discard");
        }
        return Response.seeOther(URI.create("/admin/review")).build();
    }
}
