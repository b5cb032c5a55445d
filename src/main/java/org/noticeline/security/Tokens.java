package org.noticeline.security;

import org.noticeline.hash.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/** Token secrets: 256 random bits, and the SHA-256 hash that is all the database keeps (enough for secrets this long). */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "nl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
