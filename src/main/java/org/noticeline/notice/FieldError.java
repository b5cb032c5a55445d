package org.noticeline.notice;

/** One invalid field of a notice; {@code value} is the offending value when there is one (it locates the line in a file). */
public record FieldError(String field, String value, String message) {
}
