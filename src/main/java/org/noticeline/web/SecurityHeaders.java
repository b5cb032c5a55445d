package org.noticeline.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: pages, API, static files, errors and {@code /q/*}. Installed as the first
 * Vert.x route, so nothing that answers later (REST, static files, health, the error handler) can miss them.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Pages run no script at all; templates colour badges and swatches with {@code style} attributes, hence inline style. */
    static final String PAGE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** Swagger UI is configured by an inline script and fetches the OpenAPI document: it gets its own, wider policy. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
    static final String SWAGGER_UI = "/q/swagger-ui";
    /** Dev UI exists only in dev mode and is an application of scripts; a policy for it would only break it. */
    static final String DEV_UI = "/q/dev-ui";
    static final String HSTS = "max-age=31536000";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> add(context));
            context.next();
        });
    }

    private static void add(RoutingContext context) {
        MultiMap headers = context.response().headers();
        String path = context.normalizedPath();
        // A response with a policy of its own (document downloads: sandbox) keeps it: it is the stricter one.
        if (!path.startsWith(DEV_UI)) {
            setIfAbsent(headers, "Content-Security-Policy", path.startsWith(SWAGGER_UI) ? SWAGGER_UI_POLICY : PAGE_POLICY);
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
        // scheme() is https over TLS, and behind a proxy only when quarkus.http.proxy.* trusts its X-Forwarded-Proto;
        // browsers ignore HSTS over plain http, and a host reached without TLS must not look as if it promised it.
        if ("https".equals(context.request().scheme())) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
