package org.noticeline.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Unguessable values other features put in links and keys (an e-mail subscriber's manage link, a pseudonymous cap
 * key): HMACs under the shared {@link SessionSecret}, so every replica makes and accepts the same ones, and nothing
 * needs storing. Each purpose is prefixed, so a value made for one use never passes for another, nor for a session.
 */
@ApplicationScoped
public class LinkSigner {

    private static final String PREFIX = "link:";

    @Inject
    SessionSecret secret;

    /** The signature of {@code data} for {@code purpose}: base64url, 43 characters. */
    public String sign(String purpose, String data) {
        return secret.sign(PREFIX + purpose, data);
    }

    /** Whether {@code signature} is {@link #sign}'s for this purpose and data, compared in constant time. */
    public boolean verify(String purpose, String data, String signature) {
        return secret.verify(PREFIX + purpose, data, signature);
    }
}
