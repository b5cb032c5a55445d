package org.noticeline.security;

import org.noticeline.transaction.RetryOnConflict;
import org.noticeline.domain.InvalidException;
import org.noticeline.domain.ConflictException;
import org.noticeline.domain.FieldError;
import org.noticeline.domain.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.noticeline.config.NoticelineConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Creates, checks and revokes API tokens. */
@ApplicationScoped
public class TokenService {

    public static final String BOOTSTRAP = "bootstrap-admin";
    /** Recording every use would write on every request; once a minute is enough to see a token is alive. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    /** A token just created: the only moment its secret is known. */
    public record Created(ApiToken token, String secret) {
    }

    @Inject
    NoticelineConfig config;
    @Inject
    EntityManager em;

    void seedAdminToken(@Observes StartupEvent event) {
        config.adminToken().filter(s -> !s.isBlank()).ifPresent(secret -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select name from app_lock where name = 'tokens' for update").getResultList();
            ApiToken token = ApiToken.findByName(BOOTSTRAP).orElseGet(ApiToken::new);
            if (token.id == null) {
                token.name = BOOTSTRAP;
                token.createdAt = Instant.now();
            }
            token.tokenHash = Tokens.hash(secret);
            token.scopes = Scope.ADMIN.id();
            token.revokedAt = null;
            token.expiresAt = null;
            token.persist();
        }));
    }

    @RetryOnConflict
    @Transactional
    public Created create(String name, List<Scope> scopes, Instant expiresAt) {
        if (ApiToken.findByName(name).isPresent()) {
            throw new ConflictException("a token named '" + name + "' exists already",
                    List.of(FieldError.of("name", "already in use")));
        }
        String secret = Tokens.newSecret();
        ApiToken token = new ApiToken();
        token.name = name;
        token.tokenHash = Tokens.hash(secret);
        token.scopes = scopes.stream().map(Scope::id).distinct().collect(Collectors.joining(","));
        token.createdAt = Instant.now();
        token.expiresAt = expiresAt;
        token.persist();
        return new Created(token, secret);
    }

    @Transactional
    public List<ApiToken> list() {
        return ApiToken.list("order by id");
    }

    @Transactional
    public ApiToken revoke(long id) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id).orElseThrow(() -> new NotFoundException("token", String.valueOf(id)));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        return token;
    }

    /** The usable token with this secret, if any; notes its use. */
    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        return used(ApiToken.findByHash(Tokens.hash(secret)), t -> true);
    }

    /** The usable token with this id, if {@code proof} (a session's signature) holds for it; notes its use. */
    @Transactional
    Optional<ApiToken> authenticate(long id, Predicate<ApiToken> proof) {
        return used(ApiToken.<ApiToken>findByIdOptional(id), proof);
    }

    private static Optional<ApiToken> used(Optional<ApiToken> found, Predicate<ApiToken> proof) {
        Instant now = Instant.now();
        Optional<ApiToken> token = found.filter(t -> t.usable(now)).filter(proof);
        token.filter(t -> t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY)))
                .ifPresent(t -> t.lastUsedAt = now);
        return token;
    }
}
