package org.noticeline.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.noticeline.web.ProblemException;

/**
 * Enforces {@link Secured}: no or a bad token is 401, a token without the scope is 403. Reading needs no token, but a
 * token sent to a public endpoint must be valid too, and then tells {@link Caller} who reads.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Context
    ResourceInfo resource;
    @Inject
    TokenService tokens;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Secured secured = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Secured.class);
        if (secured == null && resource.getResourceClass() != null) {
            secured = resource.getResourceClass().getAnnotation(Secured.class);
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null && secured == null) {
            return;
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ProblemException(401, "Unauthorized", "this endpoint needs 'Authorization: Bearer <token>'", null);
        }
        ApiToken token = tokens.authenticate(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> new ProblemException(401, "Unauthorized", "unknown, expired or revoked token", null));
        if (secured != null && !token.grants(secured.value())) {
            throw new ProblemException(403, "Forbidden", "token '" + token.name + "' lacks the '" + secured.value().id() + "' scope", null);
        }
        caller.authenticatedAs(token);
    }
}
