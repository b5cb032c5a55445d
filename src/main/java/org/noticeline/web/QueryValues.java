package org.noticeline.web;

import org.noticeline.domain.FieldError;

import java.util.List;
import java.util.Locale;

/**
 * Reading query parameters strictly: a single-valued parameter given twice, a number out of range or a word that is
 * not a boolean is a 400 naming the parameter, never a guess. Parameters are bound as lists so that repeats are seen.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** The one value of {@code name}, or null when absent. */
    public static String single(String name, List<String> values) {
        if (values.size() > 1) {
            throw ProblemException.badParameter(name, "'" + name + "' takes one value, not " + values.size());
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code fallback} when absent or blank. Digits only, around them
     * whitespace only (a trailing NUL or other control character is not a number); any count of digits, so that a
     * number too large for a long is told as out of range, like every other number above {@code max}.
     */
    public static long number(String name, String value, long min, long max, long fallback) {
        if (blank(value)) {
            return fallback;
        }
        String trimmed = value.strip();
        if (!trimmed.matches("[0-9]+")) {
            throw ProblemException.badParameter(name, "'" + FieldError.excerpt(value) + "' is not a whole number from " + min + " to " + max);
        }
        long parsed;
        try {
            parsed = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            parsed = Long.MAX_VALUE; // digits only, so only too large for a long: above any max
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badParameter(name, name + " must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** true, false (also 1/0, yes/no); false when absent. */
    public static boolean bool(String name, String value) {
        if (blank(value)) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badParameter(name, "'" + FieldError.excerpt(value) + "' is not true or false");
        };
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
