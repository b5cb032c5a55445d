package org.noticeline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The token that proves a form was rendered by us for this session: the session's value signed for this purpose.
 * Another site can make a browser send the session cookie, but cannot read our pages to learn the token.
 */
@ApplicationScoped
public class CsrfToken {

    /** The hidden form field that carries it. */
    public static final String FIELD = "csrf";
    private static final String PURPOSE = "csrf";

    @Inject
    SessionSecret secret;

    /** The token of the caller's session, for the forms of a page; empty for a caller without one (a bearer token). */
    public String of(Caller caller) {
        return caller.session().map(session -> secret.sign(PURPOSE, session)).orElse("");
    }

    boolean matches(String session, String candidate) {
        return secret.verify(PURPOSE, session, candidate);
    }
}
