package org.noticeline.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A bearer token as stored: its name, the hash of its secret, its scopes and its life. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "token_hash")
    public String tokenHash;
    /** Comma-separated {@link Scope} ids. */
    public String scopes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static Optional<ApiToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static Optional<ApiToken> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<Scope> scopeList() {
        return Arrays.stream(scopes.split(",")).map(String::trim).map(Scope::fromId).flatMap(Optional::stream).toList();
    }

    /** True when one of the token's scopes grants {@code required}. */
    public boolean grants(Scope required) {
        return scopeList().stream().anyMatch(s -> s.grants(required));
    }

    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
