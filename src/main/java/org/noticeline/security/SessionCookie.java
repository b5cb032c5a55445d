package org.noticeline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * The session of the admin pages, for browsers, which cannot send bearer tokens: a cookie whose value names a token
 * by id and says when the session ends, signed with the {@link SessionSecret}:
 * {@code <token id>.<end, epoch seconds>.<nonce>.<signature>}. Nothing is stored per session; the token is looked up
 * on every request instead, so revoking it or letting it expire ends its sessions too.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "noticeline_session";
    /** A working day: long enough for a review session, short enough that a forgotten browser is soon harmless. */
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final String PURPOSE = "session";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SessionSecret secret;
    @Inject
    TokenService tokens;

    /** A new session of this token; it ends after {@link #LIFETIME}, or with the token if that comes first. */
    NewCookie issue(ApiToken token, URI request) {
        // whole seconds, so that Max-Age and the end in the value agree
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = now.plus(LIFETIME);
        if (token.expiresAt != null && token.expiresAt.isBefore(end)) {
            end = token.expiresAt.truncatedTo(ChronoUnit.SECONDS);
        }
        return cookie(value(token, end), end, Duration.between(now, end), request);
    }

    /** The signed value of a new session of {@code token} that ends at {@code end}. */
    String value(ApiToken token, Instant end) {
        String unsigned = token.id + "." + end.getEpochSecond() + "." + nonce();
        return unsigned + "." + secret.sign(PURPOSE, signed(unsigned, token));
    }

    /** The cookie that replaces a session's, so that the browser drops it. */
    NewCookie cleared(URI request) {
        return cookie("", Instant.EPOCH, Duration.ZERO, request);
    }

    /** The token a session names, if the value is one we signed, the session has not ended and the token is usable. */
    Optional<ApiToken> authenticate(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long id;
        Instant end;
        try {
            id = Long.parseLong(parts[0]);
            end = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
        if (!end.isAfter(Instant.now())) {
            return Optional.empty();
        }
        String unsigned = parts[0] + "." + parts[1] + "." + parts[2];
        return tokens.authenticate(id, token -> secret.verify(PURPOSE, signed(unsigned, token), parts[3]));
    }

    /**
     * What the signature covers: the value, and the token's current hash, so that a bootstrap token whose secret the
     * operator changed (same id, new hash) ends the sessions opened with the old secret.
     */
    private static String signed(String unsigned, ApiToken token) {
        return unsigned + "." + token.tokenHash;
    }

    /** Tells apart sessions of one token ending in the same second, so each has its own CSRF token. */
    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static NewCookie cookie(String value, Instant expires, Duration maxAge, URI request) {
        return new NewCookie.Builder(NAME).value(value).path("/")
                .maxAge((int) maxAge.toSeconds()).expiry(Date.from(expires))
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                // over TLS (or behind a trusted proxy that terminates it) the cookie must never travel in clear
                .secure("https".equalsIgnoreCase(request.getScheme()))
                .build();
    }
}
