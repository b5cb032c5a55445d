package org.noticeline.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.NotFoundException;
import org.noticeline.domain.StaleRevisionException;

import java.util.List;

/** The one place errors become responses: {@code application/problem+json}, or a small HTML page for browsers. */
public class ProblemMappers {

    /** How Hibernate words a connection the pool did not hand out in time. */
    static final String NO_CONNECTION = "Unable to acquire JDBC Connection";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response response = respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), uri.getPath(),
                e.errors().isEmpty() ? null : e.errors()), headers);
        if (e.retryAfterSeconds().isPresent()) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds().getAsLong()));
        }
        return response;
    }

    /**
     * Every database connection was taken for longer than the pool waits (a flood of renders that nothing coalesced):
     * the request was refused before it did anything, so it may simply be asked again in a moment. Any other JDBC
     * failure stays what it is, a failure.
     */
    @ServerExceptionMapper
    public Response connectionsExhausted(org.hibernate.exception.GenericJDBCException e, UriInfo uri, HttpHeaders headers) {
        if (e.getMessage() == null || !e.getMessage().startsWith(NO_CONNECTION)) {
            throw e;
        }
        return problem(ProblemException.unavailable("every database connection is busy; try again in a second", 1), uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem("about:blank", "Not Found", 404, e.getMessage(), uri.getPath(), null), headers);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem("about:blank", "Unprocessable Content", 422, e.getMessage(), uri.getPath(), fields(e.errors())), headers);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem("about:blank", "Conflict", 409, e.getMessage(), uri.getPath(), fields(e.errors())), headers);
    }

    /** An {@code If-Match} that names a revision the notice has moved on from. */
    @ServerExceptionMapper
    public Response stale(StaleRevisionException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem("about:blank", "Precondition Failed", 412, e.getMessage(), uri.getPath(),
                List.of(new Problem.FieldProblem("If-Match", "the notice is at revision " + e.current()))), headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(new Problem("about:blank", "Bad Request", 400, "the request is invalid", uri.getPath(), errors), headers);
    }

    /** Malformed JSON, or a value of the wrong type: 400 naming the field where Jackson knows it. */
    @ServerExceptionMapper
    public Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = null;
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        }
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage().replaceAll("(?s)\\s*at \\[Source.*$", "");
        return respond(new Problem("about:blank", "Bad Request", 400, "the request body is not valid JSON for this endpoint: " + message,
                uri.getPath(), field == null ? null : List.of(new Problem.FieldProblem(field, message))), headers);
    }

    // Quarkus maps these two subtypes with built-in mappers of its own; naming them here puts ours first.
    @ServerExceptionMapper
    public Response unparsableJson(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            // Quarkus REST wraps what Jackson could not read; the cause says which field and why.
            return unreadableJson(json, uri, headers);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem("about:blank", title, status, e.getMessage(), uri.getPath(), null), headers);
    }

    private static Response respond(Problem problem, HttpHeaders headers) {
        if (Browsers.asksForHtml(headers.getAcceptableMediaTypes())) {
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(ErrorPage.render(problem)).build();
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static List<Problem.FieldProblem> fields(List<FieldError> errors) {
        return errors.isEmpty() ? null : errors.stream().map(f -> new Problem.FieldProblem(f.field(), f.message())).toList();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
