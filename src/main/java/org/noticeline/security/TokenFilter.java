package org.noticeline.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.noticeline.security.ratelimit.RecentTokens;
import org.noticeline.web.Browsers;
import org.noticeline.web.ProblemException;

import java.net.URI;
import java.util.Optional;

/**
 * Enforces {@link Secured}: no or a bad credential is 401, a token without the scope is 403. The credential is a
 * bearer token, or for browsers the {@link SessionCookie} of a sign-in; a browser without one is sent to sign in.
 * Reading needs no credential, but a bearer token sent to a public endpoint must be valid too, and then tells
 * {@link Caller} who reads; so does a valid session.
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
    SessionCookie sessions;
    @Inject
    Caller caller;
    @Inject
    RecentTokens recentTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Secured secured = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Secured.class);
        if (secured == null && resource.getResourceClass() != null) {
            secured = resource.getResourceClass().getAnnotation(Secured.class);
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new ProblemException(401, "Unauthorized", "this endpoint needs 'Authorization: Bearer <token>'", null);
            }
            String secret = header.substring(BEARER.length()).trim();
            ApiToken token = tokens.authenticate(secret)
                    .orElseThrow(() -> new ProblemException(401, "Unauthorized", "unknown, expired or revoked token", null));
            recentTokens.verified(secret, token.id);
            requireScope(token, secured);
            caller.authenticatedAs(token);
            return;
        }
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        Optional<ApiToken> session = cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : sessions.authenticate(cookie.getValue());
        // On a public page an ended or forged session is no reason to refuse reading: the visitor is just anonymous.
        if (session.isPresent()) {
            requireScope(session.get(), secured);
            caller.signedInAs(session.get(), cookie.getValue());
        } else if (secured != null) {
            refuse(request);
        }
    }

    private static void requireScope(ApiToken token, Secured secured) {
        if (secured != null && !token.grants(secured.value())) {
            throw new ProblemException(403, "Forbidden", "token '" + token.name + "' lacks the '" + secured.value().id() + "' scope", null);
        }
    }

    /** A browser opening a page is sent to sign in and back; anything else (a script, a form post) gets 401. */
    private static void refuse(ContainerRequestContext request) {
        boolean navigation = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (navigation && Browsers.asksForHtml(request.getAcceptableMediaTypes())) {
            URI here = request.getUriInfo().getRequestUri();
            String next = here.getRawPath() + (here.getRawQuery() == null ? "" : "?" + here.getRawQuery());
            request.abortWith(Response.seeOther(SignInPage.location(next)).build());
            return;
        }
        throw new ProblemException(401, "Unauthorized",
                "this endpoint needs 'Authorization: Bearer <token>', or in a browser a session from " + SignInPage.PATH, null);
    }
}
