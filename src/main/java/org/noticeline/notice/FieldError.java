package org.noticeline.notice;

import org.noticeline.web.Problem;
import org.noticeline.web.ProblemException;

import java.util.List;

/** One invalid field of a notice; {@code value} is the offending value when there is one (it locates the line in a file). */
public record FieldError(String field, String value, String message) {

    /** The 422 that reports these errors, one entry per field problem. */
    public static ProblemException unprocessable(List<FieldError> errors) {
        return ProblemException.unprocessable(errors.stream().map(e -> new Problem.FieldProblem(e.field(), e.message())).toList());
    }
}
