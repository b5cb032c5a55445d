package org.noticeline.web;

import java.util.List;

/**
 * Thrown by REST resources and filters for what only HTTP knows (a bad query parameter, a missing token, a body
 * too large); mapped by {@link ProblemMappers}. Domain code throws {@code org.noticeline.domain} exceptions instead.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldProblem> errors;
    private final Long retryAfterSeconds;

    public ProblemException(int status, String title, String detail, List<Problem.FieldProblem> errors) {
        this(status, title, detail, errors, null);
    }

    private ProblemException(int status, String title, String detail, List<Problem.FieldProblem> errors, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with {@code Retry-After}: the caller may try again after that many seconds. */
    public static ProblemException tooManyRequests(String message, long retryAfterSeconds) {
        return new ProblemException(429, "Too Many Requests", message, null, retryAfterSeconds);
    }

    /** 503 with {@code Retry-After}: the service cannot answer this yet (an index being built). */
    public static ProblemException unavailable(String message, long retryAfterSeconds) {
        return new ProblemException(503, "Service Unavailable", message, null, retryAfterSeconds);
    }

    public static ProblemException tooLarge(String field, String message) {
        return new ProblemException(413, "Content Too Large", message, List.of(new Problem.FieldProblem(field, message)));
    }

    public static ProblemException badRequest(String message) {
        return new ProblemException(400, "Bad Request", message, null);
    }

    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(400, "Bad Request", "invalid parameter '" + parameter + "': " + message,
                List.of(new Problem.FieldProblem(parameter, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldProblem> errors() {
        return errors;
    }

    /** Seconds for a {@code Retry-After} header, when the answer has one. */
    public java.util.OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(retryAfterSeconds);
    }
}
