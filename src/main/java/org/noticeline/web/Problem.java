package org.noticeline.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending field or parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldProblem(String field, String message) {
    }
}
