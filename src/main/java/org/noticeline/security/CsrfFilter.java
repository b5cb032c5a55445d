package org.noticeline.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.noticeline.web.ProblemException;

import java.util.Optional;
import java.util.Set;

/**
 * CSRF defence for requests a session cookie authenticated: browsers send cookies to us whichever site a form is
 * on, so an unsafe request needs the session's {@link CsrfToken} in its form, and its Origin, if named, must be ours.
 * A bearer token needs neither: no other site can make a browser send one. Runs after {@link TokenFilter} has
 * told the {@link Caller}, once the form has been read (only an endpoint's own form parameters would read it).
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    Caller caller;
    @Inject
    CsrfToken csrf;
    @Inject
    SameOrigin origins;

    @WithFormRead
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void check(ResteasyReactiveContainerRequestContext request) {
        Optional<String> session = caller.session();
        if (session.isEmpty() || SAFE.contains(request.getMethod())) {
            return;
        }
        if (!origins.allows(request.getHeaderString("Origin"), request.getUriInfo().getRequestUri())) {
            throw new ProblemException(403, "Forbidden", "a request from another site may not act on a session here", null);
        }
        // Quarkus REST keeps the parsed form in its own request context; JAX-RS has no view of it in a filter.
        Object token = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(CsrfToken.FIELD, true, false);
        if (!(token instanceof String candidate) || !csrf.matches(session.get(), candidate)) {
            throw new ProblemException(403, "Forbidden", "the form's CSRF token is missing or not this session's; reload the page and try again", null);
        }
    }
}
