package org.noticeline.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change log under real concurrent HTTP writers (create, replace, withdraw, restore; on notices of their own and
 * on notices they share) while mirrors follow {@code /api/changes} with the {@code next} they are given, on whichever
 * database the tests run on (H2 by default, PostgreSQL with {@code NOTICELINE_TEST_DB_*}). Every answer is a 2xx or a
 * 4xx; each mirror ends with what one read from the same start returns, strictly increasing; and every notice has
 * exactly one change per revision, of the kind the revision was, with no revision claimed by two accepted writes.
 */
@QuarkusTest
class ConcurrentChangeLogTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Modest for CI on two cores; raise them (-Dchangelog.writers=30 -Dchangelog.writes=150) to look for rarer races. */
    private static final int WRITERS = Integer.getInteger("changelog.writers", 8);
    private static final int WRITES = Integer.getInteger("changelog.writes", 40);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URL base;

    /** One answer of the service: its status and, for a 2xx of a notice, the revision it reported. */
    record Answer(String op, String slug, int status, Integer revision) {
    }

    @Test
    void concurrentWritersAndMirrorsKeepEveryRevisionAndChangeOneToOne() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> shared = List.of("cl-shared-a-" + run, "cl-shared-b-" + run);
        long start = head(true);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            Future<List<JsonNode>> editors = pool.submit(() -> follow(start, true, writing));
            Future<List<JsonNode>> anonymous = pool.submit(() -> follow(start, false, writing));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    go.await();
                    write(writer, shared, "cl-own-" + writer + "-" + run, answers);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);

            assertThat(answers).as("every answer is a 2xx or a 4xx").allSatisfy(a -> assertThat(a.status()).isBetween(200, 499));
            List<JsonNode> mirrored = editors.get(1, TimeUnit.MINUTES);
            List<JsonNode> mirroredAnonymously = anonymous.get(1, TimeUnit.MINUTES);
            List<JsonNode> everything = all(start, true);
            assertThat(seqs(mirrored)).as("an editor's mirror").isEqualTo(seqs(everything));
            assertThat(seqs(mirroredAnonymously)).as("an anonymous mirror").isEqualTo(seqs(all(start, false)));
            assertThat(seqs(everything)).isSorted().doesNotHaveDuplicates();

            Set<String> slugs = new java.util.TreeSet<>(shared);
            for (int w = 0; w < WRITERS; w++) {
                slugs.add("cl-own-" + w + "-" + run);
            }
            for (String slug : slugs) {
                checkOneChangePerRevision(slug, everything, answers);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A writer's random mix of creations, replacements, withdrawals and restorations, on shared notices and its own. */
    private void write(int writer, List<String> shared, String own, List<Answer> answers) {
        Random random = new Random(writer);
        for (int i = 0; i < WRITES; i++) {
            String slug = random.nextInt(3) == 0 ? own : shared.get(random.nextInt(shared.size()));
            Map<String, Object> notice = NoticeWriteTest.notice(slug, "Version " + writer + "." + i + ".");
            switch (random.nextInt(6)) {
                case 0 -> answers.add(send("POST", "/api/notices", notice, slug));
                case 1, 2 -> answers.add(send("PUT", "/api/notices/" + slug, notice, slug));
                case 3 -> answers.add(send("DELETE", "/api/notices/" + slug, Map.of("reason", "withdrawn by " + writer), slug));
                default -> answers.add(send("POST", "/api/notices/" + slug + "/restore", Map.of("reason", "restored by " + writer), slug));
            }
        }
    }

    /**
     * The notice's revisions in the database against its changes in the log: one change for each revision and no
     * other, its kind what the revision's note says; the notice stands at its last revision; and no two accepted writes
     * that each make a revision (a creation, a replacement, a restoration) reported the same one.
     */
    private static void checkOneChangePerRevision(String slug, List<JsonNode> log, List<Answer> answers) {
        Map<Integer, String> notes = new TreeMap<>();
        int[] current = new int[1];
        boolean exists = QuarkusTransaction.requiringNew().call(() -> {
            Notice notice = Notice.findBySlug(slug).orElse(null);
            if (notice == null) {
                return false;
            }
            current[0] = notice.revision;
            NoticeRevision.<NoticeRevision>list("notice", notice).forEach(r -> notes.put(r.number, r.note == null ? "" : r.note));
            return true;
        });
        List<JsonNode> changes = log.stream().filter(c -> slug.equals(c.path("slug").asText(null))).filter(c -> !c.path("kind").asText().equals("relinked")).toList();
        if (!exists) {
            assertThat(changes).as("changes of a notice that was never created: " + slug).isEmpty();
            return;
        }
        List<Integer> numbers = new ArrayList<>(notes.keySet());
        assertThat(numbers).as("revisions of " + slug).isEqualTo(range(current[0]));
        assertThat(changes.stream().map(c -> c.path("revision").asInt()).sorted().toList()).as("one change per revision of " + slug).isEqualTo(numbers);
        for (JsonNode change : changes) {
            int revision = change.path("revision").asInt();
            String kind = change.path("kind").asText();
            String note = notes.get(revision);
            String expected = revision == 1 ? "created" : note.startsWith("withdrawn") ? "withdrawn" : note.startsWith("restored") ? "restored" : "revised";
            assertThat(kind).as(slug + " revision " + revision + " (" + note + ")").isEqualTo(expected);
        }
        Map<Integer, Long> claimed = new HashMap<>();
        answers.stream().filter(a -> a.slug().equals(slug) && a.revision() != null && a.status() / 100 == 2)
                .filter(a -> a.op().equals("PUT") || a.op().equals("POST restore") || a.op().equals("POST") && a.status() == 201)
                .forEach(a -> claimed.merge(a.revision(), 1L, Long::sum));
        assertThat(claimed).as("revisions of " + slug + " reported by more than one accepted write")
                .allSatisfy((revision, count) -> assertThat(count).isEqualTo(1L));
        assertThat(numbers).as("revisions of " + slug + " that writes reported").containsAll(claimed.keySet());
    }

    /** A mirror: polls with the {@code next} it was given until the writers are done and a poll after that is empty. */
    private List<JsonNode> follow(long since, boolean drafts, AtomicBoolean writing) throws Exception {
        Random random = new Random(drafts ? 1 : 2);
        List<JsonNode> seen = new ArrayList<>();
        long next = since;
        while (true) {
            boolean last = !writing.get();
            JsonNode page = page(next, List.of(1, 3, 50, 1_000).get(random.nextInt(4)), drafts);
            page.path("items").forEach(seen::add);
            if (!page.path("items").isEmpty()) {
                assertThat(page.path("next").asLong()).isEqualTo(page.path("items").get(page.path("items").size() - 1).path("seq").asLong());
            }
            next = page.path("next").asLong();
            if (last && page.path("items").isEmpty()) {
                return seen;
            }
        }
    }

    private List<JsonNode> all(long since, boolean drafts) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        long next = since;
        while (true) {
            JsonNode page = page(next, 10_000, drafts);
            if (page.path("items").isEmpty()) {
                return all;
            }
            page.path("items").forEach(all::add);
            next = page.path("next").asLong();
        }
    }

    private long head(boolean drafts) throws Exception {
        long next = 0;
        while (true) {
            JsonNode page = page(next, 10_000, drafts);
            if (page.path("items").isEmpty()) {
                return next;
            }
            next = page.path("next").asLong();
        }
    }

    private JsonNode page(long since, int limit, boolean drafts) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/changes?since=" + since + "&limit=" + limit + (drafts ? "&drafts=true" : "")));
        if (drafts) {
            request.header("Authorization", ADMIN);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private Answer send(String method, String path, Object body, String slug) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN)
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            Integer revision = response.statusCode() / 100 == 2 ? JSON.readTree(response.body()).path("revision").asInt() : null;
            return new Answer(method + (path.endsWith("/restore") ? " restore" : ""), slug, response.statusCode(), revision);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private static List<Long> seqs(List<JsonNode> items) {
        return items.stream().map(i -> i.path("seq").asLong()).toList();
    }

    private static List<Integer> range(int last) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            numbers.add(n);
        }
        return Collections.unmodifiableList(numbers);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }
}
