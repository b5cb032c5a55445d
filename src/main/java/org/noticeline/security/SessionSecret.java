package org.noticeline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.noticeline.config.NoticelineConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * The key behind session cookies and CSRF tokens: {@code noticeline.session-secret}, or else one generated once and
 * kept in {@code app_secret}, so that a cookie signed by one replica is good on all of them and across restarts.
 */
@ApplicationScoped
class SessionSecret {

    static final int MIN_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    NoticelineConfig config;
    @Inject
    EntityManager em;

    private volatile SecretKeySpec key;

    void load(@Observes StartupEvent event) {
        String secret = config.sessionSecret().filter(s -> !s.isBlank()).orElseGet(this::stored);
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("noticeline.session-secret must be at least " + MIN_LENGTH + " characters long");
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The shared secret, made by whichever replica gets the lock first. */
    private String stored() {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select name from app_lock where name = 'secrets' for update").getResultList();
            List<?> found = em.createNativeQuery("select secret from app_secret where name = 'session'").getResultList();
            if (!found.isEmpty()) {
                return (String) found.get(0);
            }
            String secret = Tokens.newSecret();
            em.createNativeQuery("insert into app_secret (name, secret) values ('session', ?1)").setParameter(1, secret).executeUpdate();
            return secret;
        });
    }

    /**
     * HMAC-SHA256 of {@code data}, base64url. {@code purpose} is signed too, so that a value made for one use (a
     * session) can never pass for another (a CSRF token).
     */
    String sign(String purpose, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal((purpose + '\n' + data).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is {@link #sign}'s for this purpose and data, compared in constant time. */
    boolean verify(String purpose, String data, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, data).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
