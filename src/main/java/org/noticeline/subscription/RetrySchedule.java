package org.noticeline.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the configured waits in order (30s, 2m, 10m, ... 8h, more than a day in
 * all), each with up to 10% of jitter either way so that receivers that fail together are not all retried together;
 * a receiver's {@code Retry-After} (seconds or an HTTP date) lengthens a wait, up to a cap. After the last wait the
 * delivery is dead.
 */
public record RetrySchedule(List<Duration> waits, Duration retryAfterMax) {

    /** The wait after attempt {@code attempts} failed (1 for the first), or empty when the schedule is spent. */
    public Optional<Duration> after(int attempts, Optional<Duration> retryAfter) {
        if (attempts < 1 || attempts > waits.size()) {
            return Optional.empty();
        }
        Duration base = waits.get(attempts - 1);
        long millis = base.toMillis();
        long jitter = millis / 10;
        Duration wait = Duration.ofMillis(millis + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(retryAfterMax) > 0 ? retryAfterMax : retryAfter.get();
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return Optional.of(wait);
    }

    /** All waits without jitter, added up: how long a delivery is retried for. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** A {@code Retry-After} value as a wait from {@code now}: delay-seconds or an HTTP date; empty when it is neither. */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("[0-9]{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
