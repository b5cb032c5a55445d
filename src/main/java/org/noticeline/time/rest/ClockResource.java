package org.noticeline.time.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.NotFoundException;
import org.noticeline.security.Scope;
import org.noticeline.security.Secured;
import org.noticeline.time.AppClock;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Moving this replica's clock forward, for harnesses that test retries hours ahead: {@code {"advance": "PT25H"}}. It
 * exists only when {@code noticeline.clock.movable=true}; elsewhere it is a 404 like any unknown path.
 */
@Path("/api/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Secured(Scope.ADMIN)
public class ClockResource {

    public record Advance(@NotNull(message = "an ISO-8601 duration such as PT25H is required") String advance) {
    }

    public record ClockView(Instant now, String offset) {
    }

    /** The largest single step, so that a typo cannot throw the clock years ahead. */
    private static final Duration MAX_STEP = Duration.ofDays(400);

    @Inject
    AppClock clock;

    @GET
    public ClockView get() {
        requireMovable();
        return new ClockView(clock.now(), clock.offset().toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ClockView advance(@NotNull(message = "a JSON body {\"advance\": \"PT25H\"} is required") Advance request) {
        requireMovable();
        Duration by;
        try {
            by = Duration.parse(request.advance().trim());
        } catch (DateTimeParseException e) {
            throw InvalidException.of("advance", "not an ISO-8601 duration such as PT25H");
        }
        if (by.isNegative() || by.compareTo(MAX_STEP) > 0) {
            throw InvalidException.of("advance", "from PT0S to P400D: the clock only moves forward");
        }
        clock.advance(by);
        return get();
    }

    private void requireMovable() {
        if (!clock.movable()) {
            throw new NotFoundException("resource", "/api/admin/clock");
        }
    }
}
