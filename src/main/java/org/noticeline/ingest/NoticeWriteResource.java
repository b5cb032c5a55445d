package org.noticeline.ingest;

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
import org.noticeline.catalog.CatalogStore;
import org.noticeline.notice.FieldError;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeDetailView;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeValidator;
import org.noticeline.notice.NoticeWriter;
import org.noticeline.security.Caller;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.web.ProblemException;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Writes notices: create or replace (a write with unchanged content is a no-op), and withdraw.
 * Each request is one transaction; every problem of a request is reported at once.
 */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Secured(Scope.INGEST)
public class NoticeWriteResource {

    public record Withdrawal(String reason) {
    }

    @Inject
    NoticeWriter writer;
    @Inject
    CatalogStore catalog;
    @Inject
    Caller caller;

    @POST
    @Transactional
    public Response create(NoticeInput input, @RestHeader("Idempotency-Key") String idempotencyKey) {
        return write(requireBody(input).toContent(null), idempotencyKey);
    }

    @PUT
    @Path("{slug}")
    @Transactional
    public Response put(@RestPath String slug, NoticeInput input, @RestHeader("Idempotency-Key") String idempotencyKey) {
        NoticeInput body = requireBody(input);
        if (body.slug() != null && !body.slug().equals(slug)) {
            throw FieldError.unprocessable(List.of(new FieldError("slug", body.slug(), "slug '" + body.slug() + "' differs from the URL's '" + slug + "'")));
        }
        return write(body.toContent(slug), idempotencyKey);
    }

    @DELETE
    @Path("{slug}")
    @Transactional
    public NoticeDetailView withdraw(@RestPath String slug, @RestQuery String reason, Withdrawal withdrawal) {
        String why = withdrawal != null && withdrawal.reason() != null ? withdrawal.reason() : reason;
        if (why == null || why.isBlank()) {
            throw FieldError.unprocessable(List.of(new FieldError("reason", null, "a withdrawal needs a reason")));
        }
        Notice notice = Notice.require(slug);
        writer.withdraw(notice, why.strip(), caller.name());
        return NoticeDetailView.of(notice, NoticeRevision.of(notice));
    }

    /** Accepts a draft after review, for scripts; the review page does the same for people. */
    @POST
    @Path("{slug}/publish")
    @Transactional
    public NoticeDetailView publish(@RestPath String slug) {
        Notice notice = Notice.require(slug);
        if (!Notice.DRAFT.equals(notice.status)) {
            throw new ProblemException(409, "Conflict", "'" + slug + "' is " + notice.status + ", not a draft", null);
        }
        writer.publish(notice, caller.name());
        return NoticeDetailView.of(notice, NoticeRevision.of(notice));
    }

    private Response write(NoticeContent content, String idempotencyKey) {
        String requestHash = NoticeSnapshots.hash(NoticeSnapshots.toJson(content));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            IdempotencyRecord seen = IdempotencyRecord.findById(new IdempotencyRecord.Key(idempotencyKey, caller.name()));
            if (seen != null) {
                if (!seen.requestHash.equals(requestHash)) {
                    throw ProblemException.unprocessable("Idempotency-Key", "'" + idempotencyKey + "' was already used for a different request");
                }
                return respond(seen.status, Notice.findBySlug(seen.slug).orElseThrow());
            }
        }
        List<FieldError> errors = NoticeValidator.validate(content, catalog.catalog());
        if (!errors.isEmpty()) {
            throw FieldError.unprocessable(errors);
        }
        NoticeWriter.WriteResult result = writer.write(content, "api", null, caller.name());
        int status = result.outcome() == NoticeWriter.Outcome.CREATED ? 201 : 200;
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.id = new IdempotencyRecord.Key(idempotencyKey, caller.name());
            record.requestHash = requestHash;
            record.status = status;
            record.slug = content.slug();
            record.createdAt = Instant.now();
            record.persist();
        }
        return respond(status, result.notice());
    }

    private static Response respond(int status, Notice notice) {
        return Response.status(status).location(URI.create("/api/notices/" + notice.slug))
                .entity(NoticeDetailView.of(notice, NoticeRevision.of(notice))).build();
    }

    private static NoticeInput requireBody(NoticeInput input) {
        if (input == null) {
            throw new ProblemException(400, "Bad Request", "a JSON notice is required", null);
        }
        return input;
    }

}
