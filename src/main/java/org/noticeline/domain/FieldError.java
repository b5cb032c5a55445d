package org.noticeline.domain;

/** One invalid field; {@code value} is the offending value when there is one (it locates the line in a file). */
public record FieldError(String field, String value, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, null, message);
    }

    /** A value as a message quotes it: its start, so that a megabyte of input never becomes a megabyte of error. */
    public static String excerpt(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
