package org.noticeline.domain;

/** One invalid field; {@code value} is the offending value when there is one (it locates the line in a file). */
public record FieldError(String field, String value, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, null, message);
    }
}
