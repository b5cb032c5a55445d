package org.noticeline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The test profile sets no noticeline.session-secret, so the key is the one generated into the database. */
@QuarkusTest
class SessionSecretTest {

    @Inject
    SessionSecret secret;
    @Inject
    EntityManager em;

    private List<?> stored() {
        return QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select secret from app_secret where name = 'session'").getResultList());
    }

    @Test
    void unsetItIsGeneratedOnceIntoTheDatabaseAndAnotherReplicaUsesTheSame() {
        List<?> first = stored();
        assertThat(first).singleElement().asString().hasSizeGreaterThanOrEqualTo(SessionSecret.MIN_LENGTH);
        String signature = secret.sign("test", "data");

        secret.load(null);

        assertThat(stored()).isEqualTo(first);
        assertThat(secret.sign("test", "data")).isEqualTo(signature);
        assertThat(secret.verify("test", "data", signature)).isTrue();
        assertThat(secret.verify("other", "data", signature)).as("a signature is bound to its purpose").isFalse();
    }
}
