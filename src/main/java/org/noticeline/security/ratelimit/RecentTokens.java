package org.noticeline.security.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.noticeline.hash.Sha256;

import java.time.Duration;
import java.util.Optional;

/**
 * Tokens this replica verified lately, by the hash of their secret, so the rate limiter can give a token its own,
 * larger bucket without looking it up. A secret never seen verified counts against its address: made-up tokens buy
 * nothing. A revoked token is still refused by authentication; here it lingers for at most a minute.
 */
@ApplicationScoped
public class RecentTokens {

    private final Cache<String, Long> verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public void verified(String secret, long tokenId) {
        verified.put(Sha256.hex(secret), tokenId);
    }

    public Optional<Long> idOf(String secret) {
        return Optional.ofNullable(verified.getIfPresent(Sha256.hex(secret)));
    }
}
