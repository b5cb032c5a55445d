package org.noticeline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF defence for forms that visitors without a session post (the e-mail sign-up): a signed double submit. The page
 * sets a random value in a strict, HttpOnly cookie and puts its HMAC in the form; a post must bring both, and its
 * Origin, if named, must be ours. Another site can make a browser post, but can neither read the form's token nor
 * set our cookie, so it cannot sign people up from their browsers.
 */
@ApplicationScoped
public class AnonymousForm {

    /** The cookie that carries the random value. */
    public static final String COOKIE = "nl_form";
    /** The hidden form field that carries its signature. */
    public static final String FIELD = "form_token";
    private static final String PURPOSE = "anonymous-form";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a page sets and renders: the cookie (unchanged when the browser already has a good one) and the form's token. */
    public record Issued(NewCookie cookie, String token) {
    }

    @Inject
    SessionSecret secret;
    @Inject
    SameOrigin origins;

    public Issued issue(String existing, URI request) {
        String value = existing != null && existing.matches("[A-Za-z0-9_-]{22}") ? existing : nonce();
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure("https".equalsIgnoreCase(request.getScheme())).build();
        return new Issued(cookie, secret.sign(PURPOSE, value));
    }

    /** Whether a post carries our cookie and its form token, and comes from our own origin or names none. */
    public boolean accepts(String origin, URI request, String cookie, String token) {
        return cookie != null && !cookie.isEmpty() && origins.allows(origin, request) && secret.verify(PURPOSE, cookie, token);
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
