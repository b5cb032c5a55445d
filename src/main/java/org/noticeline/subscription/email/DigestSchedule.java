package org.noticeline.subscription.email;

import org.noticeline.subscription.EmailFrequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * When digests are due: at {@code hour} o'clock on the subscriber's own clock, every day (daily) or every
 * {@code day} (weekly). Computed on local dates, so a digest stays at 08:00 across daylight-saving changes (an hour
 * that a change skips is taken as the first valid instant after it).
 */
public record DigestSchedule(int hour, DayOfWeek day) {

    public DigestSchedule {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("noticeline.email.digest-hour must be 0 to 23, not " + hour);
        }
    }

    /** The first digest time strictly after {@code after}. */
    public Instant next(Instant after, ZoneId zone, EmailFrequency frequency) {
        LocalDate date = after.atZone(zone).toLocalDate();
        if (frequency == EmailFrequency.WEEKLY) {
            date = date.with(TemporalAdjusters.nextOrSame(day));
        }
        while (true) {
            Instant at = date.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
            if (at.isAfter(after)) {
                return at;
            }
            date = frequency == EmailFrequency.WEEKLY ? date.plusWeeks(1) : date.plusDays(1);
        }
    }
}
