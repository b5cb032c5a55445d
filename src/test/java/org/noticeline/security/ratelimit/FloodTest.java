package org.noticeline.security.ratelimit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood on loopback, bounded in time and requests: one client sends ten times its sustainable rate while another
 * browses below it. Clients are told apart by {@code X-Forwarded-For}, which the profile trusts from loopback, as it
 * would from a load balancer. Only counts are asserted; latencies belong to the load script.
 */
@QuarkusTest
@TestProfile(FloodTest.LowLimits.class)
class FloodTest {

    /** 4 requests a second, 10 at once. */
    static final int PER_MINUTE = 240;
    static final int BURST = 10;

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("noticeline.rate-limits.enabled", "true", "noticeline.rate-limits.trusted-proxies", "127.0.0.1,::1",
                    "noticeline.rate-limits.general-per-minute", String.valueOf(PER_MINUTE),
                    "noticeline.rate-limits.general-burst", String.valueOf(BURST), "noticeline.rate-limits.token-factor", "10");
        }
    }

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path, String client, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).header("X-Forwarded-For", client);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFlooderIsHeldToItsRateWhileABrowsingClientAndHealthAreNot() throws Exception {
        String flooder = "198.51.100.66";
        String browser = "198.51.100.77";
        AtomicInteger flooderOk = new AtomicInteger();
        AtomicInteger flooder429 = new AtomicInteger();
        AtomicInteger browser429 = new AtomicInteger();
        AtomicInteger browserOk = new AtomicInteger();
        AtomicInteger healthNotUp = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        Duration length = Duration.ofSeconds(3);
        List<Future<?>> work = new ArrayList<>();
        // Ten times the sustainable 4/s: 40 a second, from 4 threads.
        for (int t = 0; t < 4; t++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() - start < length.toNanos()) {
                    HttpResponse<String> r = get("/api/notices?limit=1", flooder, null);
                    (r.statusCode() == 429 ? flooder429 : flooderOk).incrementAndGet();
                    Thread.sleep(100);
                }
                return null;
            }));
        }
        // Half the sustainable rate: 2/s, pages and API.
        work.add(pool.submit(() -> {
            int i = 0;
            while (System.nanoTime() - start < length.toNanos()) {
                HttpResponse<String> r = get(i++ % 2 == 0 ? "/api/notices?limit=1" : "/", browser, null);
                (r.statusCode() == 429 ? browser429 : browserOk).incrementAndGet();
                Thread.sleep(500);
            }
            return null;
        }));
        work.add(pool.submit(() -> {
            while (System.nanoTime() - start < length.toNanos()) {
                if (get("/q/health/ready", flooder, null).statusCode() != 200) {
                    healthNotUp.incrementAndGet();
                }
                Thread.sleep(100);
            }
            return null;
        }));
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(flooder429.get()).as("the flooder is refused").isPositive();
        // Never more than a full bucket and its refill over the run (plus one token of rounding).
        assertThat(flooderOk.get()).isLessThanOrEqualTo(BURST + (int) Math.ceil(seconds * PER_MINUTE / 60.0) + 1);
        assertThat(browser429.get()).as("the browsing client is never refused").isZero();
        assertThat(browserOk.get()).isGreaterThanOrEqualTo(4);
        assertThat(healthNotUp.get()).as("health is never limited").isZero();
    }

    @Test
    void aRefusalIsAProblemWithRetryAfter() throws Exception {
        String client = "198.51.100.88";
        HttpResponse<String> refused = null;
        for (int i = 0; i <= BURST + 5 && refused == null; i++) {
            HttpResponse<String> r = get("/api/notices?limit=1", client, null);
            if (r.statusCode() == 429) {
                refused = r;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.body()).contains("\"status\":429").contains("general");
    }

    @Test
    void aVerifiedTokenHasABucketOfItsOwn() throws Exception {
        String client = "198.51.100.99";
        // Seen valid once (from elsewhere), the token counts against itself, not against the address it comes from.
        assertThat(get("/api/notices?limit=1", "198.51.100.100", "test-admin-secret").statusCode()).isEqualTo(200);
        int refused = 0;
        for (int i = 0; i < BURST + 5; i++) {
            refused += get("/api/notices?limit=1", client, null).statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).isPositive();
        // A made-up token buys nothing: it counts against the address, which is spent. Only what the address's bucket
        // got back meanwhile passes (then to be refused as unauthorized), plus one of rounding; a bucket of the token's
        // own would let all of them through.
        long spent = System.nanoTime();
        int passed = 0;
        for (int i = 0; i < BURST; i++) {
            passed += get("/api/notices?limit=1", client, "nl_made_up").statusCode() == 429 ? 0 : 1;
        }
        double seconds = (System.nanoTime() - spent) / 1e9;
        assertThat(passed).isLessThanOrEqualTo((int) Math.ceil(seconds * PER_MINUTE / 60.0) + 1);
        for (int i = 0; i < BURST + 5; i++) {
            assertThat(get("/api/notices?limit=1", client, "test-admin-secret").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void ipv6ClientsShareTheBucketOfTheir64() throws Exception {
        int refused = 0;
        for (int i = 0; i < BURST + 5; i++) {
            refused += get("/api/notices?limit=1", "2001:db8:7:8::" + Integer.toHexString(i + 1), null).statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("addresses of one /64 are one client").isPositive();
        assertThat(get("/api/notices?limit=1", "2001:db8:7:9::1", null).statusCode()).isEqualTo(200);
    }
}
