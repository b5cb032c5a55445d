package org.noticeline.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.noticeline.web.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Signing in to the admin pages. Browsers cannot send bearer tokens, so the token is posted here once and exchanged
 * for a {@link SessionCookie}; signing out drops the cookie. Both are plain forms: the pages run no script.
 */
@Path("/")
public class SignInPage {

    static final String PATH = "/admin/sign-in";
    /** Where a sign-in lands when it was not sent from a page: the one with forms. */
    static final String HOME = "/admin/review";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String next, String error, String signedInAs, String csrf);
    }

    @Inject
    TokenService tokens;
    @Inject
    SessionCookie sessions;
    @Inject
    SameOrigin origins;
    @Inject
    Caller caller;
    @Inject
    CsrfToken csrf;

    @GET
    @Path("admin/sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@RestQuery String next) {
        return page(localNext(next), null);
    }

    @POST
    @Path("admin/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String token, @RestForm String next, @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        // No session yet, so no CSRF token: the Origin check alone keeps other sites from signing a browser in as them.
        if (!origins.allows(origin, uri.getRequestUri())) {
            throw new ProblemException(403, "Forbidden", "signing in from another site is not allowed", null);
        }
        String target = localNext(next);
        Optional<ApiToken> editor = token == null || token.isBlank() ? Optional.empty() : tokens.authenticate(token.strip());
        if (editor.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(page(target, "That token is unknown, expired or revoked.")).build();
        }
        return Response.seeOther(URI.create(target)).cookie(sessions.issue(editor.get(), uri.getRequestUri())).build();
    }

    /** Ends the session; {@link CsrfFilter} checks the form first, so another site cannot sign a browser out. */
    @POST
    @Path("admin/sign-out")
    public Response signOut(@Context UriInfo uri) {
        return Response.seeOther(URI.create(PATH)).cookie(sessions.cleared(uri.getRequestUri())).build();
    }

    /**
     * The form, and for a browser signed in already its sign-out button; both forms carry the session's CSRF token,
     * since {@link CsrfFilter} asks it of every post a session makes, signing in as another token included.
     */
    private TemplateInstance page(String next, String error) {
        return Templates.signIn(next, error, caller.session().isPresent() ? caller.name() : null, csrf.of(caller));
    }

    /** The sign-in page, to come back to {@code next} afterwards when that is one of ours. */
    static URI location(String next) {
        String local = localNext(next);
        return URI.create(local.equals(HOME) ? PATH : PATH + "?next=" + URLEncoder.encode(local, StandardCharsets.UTF_8));
    }

    /**
     * {@code next} if it is a path of the admin pages, else {@link #HOME}: a sign-in link must never send a browser
     * on to another site. Starting with {@code /admin} rules out {@code //host} and {@code https://host}; backslashes
     * and control characters, which browsers read in their own ways, are refused too.
     */
    static String localNext(String next) {
        if (next == null || !next.startsWith("/admin") || next.chars().anyMatch(c -> c == '\\' || c < 0x21 || c == 0x7f)) {
            return HOME;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (URISyntaxException e) {
            return HOME;
        }
    }
}
