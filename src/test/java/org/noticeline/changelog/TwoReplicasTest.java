package org.noticeline.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.noticeline.harness.ServiceProcesses;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.notice.rest.NoticeWriteTest.notice;

/**
 * Two service processes (the packaged PostgreSQL flavour) on one database: writes through both reach a mirror that
 * follows {@code /api/changes} from either, each exactly once and in order, and a feed one replica has cached
 * follows a write through the other within two seconds (its follower hears of it by {@code LISTEN/NOTIFY}).
 */
@EnabledIfEnvironmentVariable(named = ServiceProcesses.APP_ENV, matches = ".+")
class TwoReplicasTest {

    private static final int NOTICES = 500;
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServiceProcesses services = new ServiceProcesses();

    @BeforeAll
    static void startTwo() {
        services.start(2);
    }

    /** A mirror that follows the log the way the README tells mirrors to, asking either replica in turn. */
    static final class Mirror {
        final List<JsonNode> items = new ArrayList<>();
        long next;
        int polls;
        int turn;

        /** One page from the next replica in turn; answers how many changes it brought. */
        int poll() throws Exception {
            int replica = turn++ % 2;
            HttpResponse<String> response = services.get(replica, "/api/changes?limit=50&since=" + next);
            assertThat(response.statusCode()).as("changes from replica %d", replica).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("items").forEach(items::add);
            next = page.get("next").asLong();
            polls++;
            return page.get("items").size();
        }

        long created(String prefix) {
            return items.stream().filter(i -> i.get("kind").asText().equals("created") && i.get("slug").asText().startsWith(prefix)).count();
        }
    }

    @Test
    void fiveHundredConcurrentWritesThroughBothReachAMirrorOnceEachInOrder() throws Exception {
        String prefix = "replicas-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        List<String> slugs = IntStream.range(0, NOTICES).mapToObj(i -> prefix + i).toList();
        Mirror mirror = new Mirror();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            Future<Integer> polling = pool.submit(() -> {
                int pollsWithNews = 0;
                while (writing.get()) {
                    if (mirror.poll() > 0) {
                        pollsWithNews++;
                    }
                    Thread.sleep(25);
                }
                return pollsWithNews;
            });
            List<Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < NOTICES; i++) {
                int replica = i % 2;
                String slug = slugs.get(i);
                writes.add(pool.submit(() -> services.postJson(replica, "/api/notices",
                        notice(slug, "Ofcom asked 4chan under section 102 of the Online Safety Act 2023 (" + slug + ").")).statusCode()));
            }
            for (Future<Integer> write : writes) {
                assertThat(write.get(120, TimeUnit.SECONDS)).isEqualTo(201);
            }
            writing.set(false);
            assertThat(polling.get(30, TimeUnit.SECONDS)).as("the mirror read changes while the writes went on").isGreaterThan(1);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        // Catch up: until both replicas have nothing more to give.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int emptyInARow = 0;
        while (emptyInARow < 2 && System.nanoTime() < end) {
            emptyInARow = mirror.poll() == 0 ? emptyInARow + 1 : 0;
        }

        List<Long> seqs = mirror.items.stream().map(i -> i.get("seq").asLong()).toList();
        assertThat(seqs).as("increasing, none twice").isSorted().doesNotHaveDuplicates();
        Map<String, Integer> created = new HashMap<>();
        mirror.items.stream().filter(i -> i.get("kind").asText().equals("created") && i.get("slug").asText().startsWith(prefix))
                .forEach(i -> created.merge(i.get("slug").asText(), 1, Integer::sum));
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(slugs);
        assertThat(created.values()).as("each created change exactly once").containsOnly(1);
        assertThat(mirror.items).as("the mirror is a full read from replica 0").isEqualTo(services.changes(0));
        assertThat(mirror.items).as("the mirror is a full read from replica 1").isEqualTo(services.changes(1));
        System.out.printf("TwoReplicasTest: %d writes, mirror made %d polls, %d changes%n", NOTICES, mirror.polls, mirror.items.size());
    }

    @Test
    void aNoticeWrittenThroughOneReplicaIsInTheOthersCachedFeedWithinTwoSeconds() throws Exception {
        for (int writer = 0; writer < 2; writer++) {
            int reader = 1 - writer;
            String slug = "replicas-feed-" + writer + "-" + Long.toString(System.currentTimeMillis(), 36);
            String entry = "tag:noticeline.org,2024:notice/" + slug;
            HttpResponse<String> first = services.get(reader, "/feeds/notices.atom");
            HttpResponse<String> cached = services.get(reader, "/feeds/notices.atom");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(cached.body()).isEqualTo(first.body()).doesNotContain(entry);
            assertThat(cached.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));

            assertThat(services.postJson(writer, "/api/notices", notice(slug, "Written through replica " + writer + ".")).statusCode())
                    .isEqualTo(201);
            long written = System.nanoTime();
            Duration took = awaitInFeed(services, reader, entry, Duration.ofSeconds(2), written);
            assertThat(took).as("from the write's answer to the other replica's feed").isLessThan(Duration.ofSeconds(2));
            System.out.printf("TwoReplicasTest: a write through %d reached %d's cached feed in %d ms%n", writer, reader, took.toMillis());
        }
    }

    /**
     * Polls the replica's feed until it holds {@code entry} and answers how long after {@code since} that answer came;
     * fails once {@code limit} has passed without it.
     */
    static Duration awaitInFeed(ServiceProcesses services, int replica, String entry, Duration limit, long since) throws Exception {
        while (true) {
            HttpResponse<String> feed = services.get(replica, "/feeds/notices.atom");
            assertThat(feed.statusCode()).isEqualTo(200);
            Duration took = Duration.ofNanos(System.nanoTime() - since);
            if (feed.body().contains(entry)) {
                return took;
            }
            assertThat(took).as("replica %d's feed still lacks %s", replica, entry).isLessThan(limit);
            Thread.sleep(50);
        }
    }
}
