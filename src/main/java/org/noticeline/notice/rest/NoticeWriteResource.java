package org.noticeline.notice.rest;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.domain.InvalidException;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.NoticeService;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.transaction.RetryOnConflict;
import org.noticeline.web.ProblemException;

import java.net.URI;

/**
 * Writes notices through {@link NoticeService}: create (never overwrites), replace, withdraw, restore, publish. Each
 * request is one transaction, started again when it loses a race; {@code PUT}, {@code DELETE} and restore honour
 * {@code If-Match}.
 */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Secured(Scope.INGEST)
public class NoticeWriteResource {

    /** The reason given for a withdrawal or a restoration. */
    public record Withdrawal(String reason) {
    }

    @Inject
    NoticeService notices;
    @Inject
    Caller caller;

    @POST
    @RetryOnConflict
    @Transactional
    public Response create(NoticeInput input, @RestHeader("Idempotency-Key") String idempotencyKey) {
        NoticeService.Written written = notices.create(requireBody(input).toContent(null), author(), idempotencyKey);
        return respond(written);
    }

    @PUT
    @Path("{slug}")
    @RetryOnConflict
    @Transactional
    public Response put(@RestPath String slug, NoticeInput input, @RestHeader("Idempotency-Key") String idempotencyKey,
                        @RestHeader("If-Match") String ifMatch) {
        NoticeInput body = requireBody(input);
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw InvalidException.of("slug", "slug '" + body.slug() + "' differs from the URL's '" + slug + "'");
        }
        return respond(notices.replace(body.toContent(slug), body.body() != null, ETags.ifMatch(ifMatch), author(), idempotencyKey));
    }

    @DELETE
    @Path("{slug}")
    @RetryOnConflict
    @Transactional
    public Response withdraw(@RestPath String slug, @RestQuery String reason, Withdrawal withdrawal,
                             @RestHeader("If-Match") String ifMatch) {
        String why = withdrawal != null && withdrawal.reason() != null ? withdrawal.reason() : reason;
        return detail(notices.withdraw(slug, why, ETags.ifMatch(ifMatch), caller.name()));
    }

    /** Undoes a withdrawal; the optional reason (query or JSON body) becomes the revision's note. */
    @POST
    @Path("{slug}/restore")
    @Consumes(MediaType.WILDCARD) // the reason is optional: a bodiless POST is enough
    @RetryOnConflict
    @Transactional
    public Response restore(@RestPath String slug, @RestQuery String reason, Withdrawal restoral, @RestHeader("If-Match") String ifMatch) {
        String why = restoral != null && restoral.reason() != null ? restoral.reason() : reason;
        return detail(notices.restore(slug, why, ETags.ifMatch(ifMatch), caller.name()));
    }

    /** Accepts a draft after review, for scripts; the review page does the same for people. */
    @POST
    @Path("{slug}/publish")
    @Consumes(MediaType.WILDCARD) // no body
    @RetryOnConflict
    @Transactional
    public Response publish(@RestPath String slug) {
        return detail(notices.publish(slug, caller.name()));
    }

    private NoticeService.Author author() {
        return NoticeService.Author.of(caller.name(), NoticeOrigin.API);
    }

    private static Response respond(NoticeService.Written written) {
        Notice notice = written.notice();
        return Response.status(written.outcome() == NoticeService.Outcome.CREATED ? 201 : 200)
                .location(URI.create("/api/notices/" + notice.slug)).tag(ETags.of(notice))
                .entity(NoticeDetailView.of(notice, NoticeRevision.of(notice))).build();
    }

    static Response detail(Notice notice) {
        return Response.ok(NoticeDetailView.of(notice, NoticeRevision.of(notice))).tag(ETags.of(notice)).build();
    }

    private static NoticeInput requireBody(NoticeInput input) {
        if (input == null) {
            throw ProblemException.badRequest("a JSON notice is required");
        }
        return input;
    }
}
