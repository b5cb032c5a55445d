package org.noticeline.security.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.web.Problem;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks every request against its bucket before anything else runs (right after the security headers are arranged),
 * on the event loop: a refused request is a 429 problem with {@code Retry-After} that touched neither the database
 * nor a worker thread.
 */
@ApplicationScoped
public class RateLimitRoute {

    private static final String BEARER = "Bearer ";

    @Inject
    NoticelineConfig config;
    @Inject
    RateLimiter limiter;
    @Inject
    RecentTokens recentTokens;
    @Inject
    ObjectMapper json;
    @Inject
    Clients clients;

    void install(@Observes Router router) {
        if (!config.rateLimits().enabled()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        RequestKind kind = RequestKind.of(request.method().name(), context.normalizedPath(), format(request), request.getHeader("Accept"), bearer);
        if (kind == null) {
            context.next();
            return;
        }
        Optional<Long> token = bearer ? recentTokens.idOf(authorization.substring(BEARER.length()).trim()) : Optional.empty();
        Optional<Duration> wait = limiter.take(kind, clients.of(request), token);
        if (wait.isEmpty()) {
            context.next();
            return;
        }
        refuse(context, kind, wait.get());
    }

    /** The {@code format} parameter; a query string that does not decode is for the resource to refuse, not for us. */
    private static String format(HttpServerRequest request) {
        try {
            return request.getParam("format");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void refuse(RoutingContext context, RequestKind kind, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = new Problem("about:blank", "Too Many Requests", 429,
                "too many " + kind.id() + " requests from this client; try again in " + seconds + " s", context.normalizedPath(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Retry-After", Long.toString(seconds))
                .putHeader("Cache-Control", "no-store").end(body);
    }
}
