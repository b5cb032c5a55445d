package org.noticeline.notice;

import org.noticeline.domain.FieldError;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates a notice may carry: from 1 January 1900 (before any platform regulation) to 31 December ten
 * years after the current year (a scheduled hearing or a compliance deadline). Everything else is a typo or an
 * attack, and a year like +999999999 would make every drawing and every range over it unbounded.
 */
public final class NoticeDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private NoticeDates() {
    }

    public static LocalDate latest() {
        return LocalDate.now(Clock.systemUTC()).plusYears(10).withMonth(12).withDayOfMonth(31);
    }

    public static boolean acceptable(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(latest());
    }

    /** {@code text} as a date when it is one (YYYY-MM-DD, four-digit year) within range; empty otherwise. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || !ISO.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip())).filter(NoticeDates::acceptable);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why {@code text} is not a notice date, for an error message. */
    public static String problem(String text) {
        return "bad date '" + FieldError.excerpt(text) + "': expected YYYY-MM-DD from " + EARLIEST + " to " + latest();
    }
}
