package org.noticeline.security.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.config.NoticelineConfig;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One token bucket per client and kind of request on this replica, in a map bounded by
 * {@code noticeline.rate-limits.max-clients} (least recently seen forgotten first; a forgotten client starts full).
 */
@ApplicationScoped
public class RateLimiter {

    /** A kind's limit on this replica: its share of the intended limit. */
    record Share(long perMinute, long burst) {

        static Share of(int perMinute, int burst, int replicas, int factor) {
            return new Share(divide((long) perMinute * factor, replicas), divide((long) burst * factor, replicas));
        }

        private static long divide(long limit, int replicas) {
            return Math.max(1, (limit + replicas - 1) / replicas);
        }

        Bucket bucket() {
            return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
        }
    }

    private final Cache<String, Bucket> buckets;
    private final Map<RequestKind, Share> anonymous = new EnumMap<>(RequestKind.class);
    private final Map<RequestKind, Share> tokens = new EnumMap<>(RequestKind.class);
    private final MeterRegistry registry;

    @Inject
    public RateLimiter(NoticelineConfig config, MeterRegistry registry) {
        NoticelineConfig.RateLimits limits = config.rateLimits();
        this.registry = registry;
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, limits.maxClients())).build();
        for (int factor : new int[] {1, Math.max(1, limits.tokenFactor())}) {
            Map<RequestKind, Share> shares = factor == 1 ? anonymous : tokens;
            int n = Math.max(1, limits.replicas());
            shares.put(RequestKind.GENERAL, Share.of(limits.generalPerMinute(), limits.generalBurst(), n, factor));
            shares.put(RequestKind.SEARCH, Share.of(limits.searchPerMinute(), limits.searchBurst(), n, factor));
            shares.put(RequestKind.EXTRACT, Share.of(limits.extractPerMinute(), limits.extractBurst(), n, factor));
            shares.put(RequestKind.EXPORT, Share.of(limits.exportPerMinute(), limits.exportBurst(), n, factor));
            shares.put(RequestKind.UPLOAD, Share.of(limits.uploadPerMinute(), limits.uploadBurst(), n, factor));
            shares.put(RequestKind.SIGNUP, Share.of(limits.signupPerMinute(), limits.signupBurst(), n, factor));
        }
    }

    /**
     * Takes one request of {@code kind} from {@code client}'s bucket; empty when it may go ahead, else how long until
     * it could. {@code token} is a verified token's id, whose bucket is larger and its own.
     */
    public Optional<Duration> take(RequestKind kind, String client, Optional<Long> token) {
        Share share = (token.isPresent() ? tokens : anonymous).get(kind);
        String key = kind.id() + "|" + token.map(id -> "token:" + id).orElse(client);
        ConsumptionProbe probe = buckets.get(key, ignored -> share.bucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        registry.counter("noticeline_rate_limited", "kind", kind.id()).increment();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
