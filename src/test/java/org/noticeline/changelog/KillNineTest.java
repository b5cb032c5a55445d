package org.noticeline.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.noticeline.harness.ServiceProcesses;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.notice.rest.NoticeWriteTest.notice;

/**
 * A replica killed with SIGKILL while writes are in flight through it. Every write it acknowledged is in the log
 * exactly once; a write that got no answer is there once or not at all, and all of it or none of it (the notice
 * exists exactly when its {@code created} change does). Restarted, it serves the same log, does not load the corpus
 * again, and its follower hears of the other replica's writes: its cached feed shows one within two seconds.
 */
@EnabledIfEnvironmentVariable(named = ServiceProcesses.APP_ENV, matches = ".+")
class KillNineTest {

    private static final int WRITERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServiceProcesses services = new ServiceProcesses();

    @BeforeAll
    static void startTwo() {
        services.start(2);
    }

    /** What became of one write: a status, or the exception that ended it. */
    record Outcome(int status, Exception failure) {
    }

    @Test
    void writesInFlightAtAKillAreAllOrNothingAndTheRestartedReplicaCatchesUp() throws Exception {
        String prefix = "kill9-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int t = 0; t < WRITERS; t++) {
                int thread = t;
                // Through replica 0 until it is gone: each thread's last write is the one the kill cut off.
                writers.add(pool.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        if (!write(0, prefix + "a" + thread + "-" + n, outcomes)) {
                            return null;
                        }
                        acknowledged.incrementAndGet();
                    }
                    return null;
                }));
            }
            // And through replica 1 all along, which must not notice.
            Future<?> other = pool.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    write(1, prefix + "b-" + n, outcomes);
                    Thread.sleep(20);
                }
                return null;
            });
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(acknowledged.get()).as("writes acknowledged by replica 0 before the kill").isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            services.kill9(0);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            Thread.sleep(200);
            stop.set(true);
            other.get(60, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }

        Map<String, Outcome> failed = new HashMap<>();
        outcomes.forEach((slug, outcome) -> {
            if (outcome.failure() != null) {
                failed.put(slug, outcome);
            } else {
                assertThat(outcome.status()).as("answer to %s", slug).isEqualTo(201);
            }
        });
        assertThat(failed).as("only writes through the killed replica fail, one per writer thread")
                .hasSizeLessThanOrEqualTo(WRITERS).allSatisfy((slug, outcome) -> assertThat(slug).contains("-a"));
        long inFlight = failed.values().stream().filter(o -> !(o.failure() instanceof ConnectException)).count();

        List<JsonNode> log = services.changes(1);
        Map<String, Integer> created = new HashMap<>();
        log.stream().filter(c -> c.get("slug").asText("").startsWith(prefix)).forEach(c -> {
            assertThat(c.get("kind").asText()).as("change %s", c).isEqualTo("created");
            created.merge(c.get("slug").asText(), 1, Integer::sum);
        });
        assertThat(outcomes.keySet()).as("nothing in the log that was never written").containsAll(created.keySet());
        int failedButStored = 0;
        for (Map.Entry<String, Outcome> write : outcomes.entrySet()) {
            String slug = write.getKey();
            int changes = created.getOrDefault(slug, 0);
            HttpResponse<String> notice = services.get(1, "/api/notices/" + slug);
            if (write.getValue().failure() == null) {
                assertThat(changes).as("created changes of acknowledged %s", slug).isEqualTo(1);
                assertThat(notice.statusCode()).as("acknowledged %s", slug).isEqualTo(200);
            } else {
                assertThat(changes).as("created changes of unanswered %s", slug).isLessThanOrEqualTo(1);
                assertThat(notice.statusCode()).as("unanswered %s is there exactly when its change is", slug)
                        .isEqualTo(changes == 1 ? 200 : 404);
                failedButStored += changes;
            }
            if (notice.statusCode() == 200) {
                assertThat(JSON.readTree(notice.body()).get("revision").asInt()).as("revision of %s", slug).isEqualTo(1);
            }
        }
        System.out.printf("KillNineTest: %d writes, %d unanswered (%d cut off in flight, %d of them stored)%n",
                outcomes.size(), failed.size(), inFlight, failedButStored);

        services.restart(0);
        assertThat(services.log(0)).as("the restarted replica finds the corpus loaded, and does not read it again")
                .contains("corpus unchanged since its last load").doesNotContain("corpus loaded:");
        assertThat(services.changes(0)).as("the restarted replica serves the same log").isEqualTo(services.changes(1));

        HttpResponse<String> feed = services.get(0, "/feeds/notices.atom");
        assertThat(services.get(0, "/feeds/notices.atom").body()).isEqualTo(feed.body());
        long head = log.get(log.size() - 1).get("seq").asLong();
        String slug = prefix + "after-restart";
        assertThat(services.postJson(1, "/api/notices", notice(slug, "Written through the replica that stayed up.")).statusCode())
                .isEqualTo(201);
        long written = System.nanoTime();
        JsonNode page = JSON.readTree(services.get(0, "/api/changes?since=" + head).body());
        assertThat(page.get("items").findValuesAsText("slug")).as("the restarted replica's /api/changes at once").contains(slug);
        Duration took = TwoReplicasTest.awaitInFeed(services, 0, "tag:noticeline.org,2024:notice/" + slug, Duration.ofSeconds(2), written);
        assertThat(took).as("from the write's answer to the restarted replica's feed").isLessThan(Duration.ofSeconds(2));
        System.out.printf("KillNineTest: the restarted replica's cached feed showed the other's write in %d ms%n", took.toMillis());
    }

    /** One POST; answers whether it got an answer (the outcome is recorded either way). */
    private static boolean write(int replica, String slug, Map<String, Outcome> outcomes) throws InterruptedException {
        try {
            HttpResponse<String> response = services.postJson(replica, "/api/notices",
                    notice(slug, "Ofcom asked 4chan under section 102 of the Online Safety Act 2023 (" + slug + ")."));
            outcomes.put(slug, new Outcome(response.statusCode(), null));
            return true;
        } catch (IOException e) {
            outcomes.put(slug, new Outcome(0, e));
            return false;
        }
    }
}
