package org.noticeline.web;

import java.util.List;

/** Thrown by resources to answer with a problem document; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldProblem> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not Found", "no " + what + " '" + id + "'", null);
    }

    /**
     * 422 for content that parsed but cannot be used; the detail names the one problem, or counts them
     * when there are several (each is in {@code errors}).
     */
    public static ProblemException unprocessable(List<Problem.FieldProblem> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " invalid fields";
        return new ProblemException(422, "Unprocessable Content", detail, errors);
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(List.of(new Problem.FieldProblem(field, message)));
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
}
