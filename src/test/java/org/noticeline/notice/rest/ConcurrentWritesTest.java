package org.noticeline.notice.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeRevision;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real concurrent requests against one notice: every request gets a 2xx or a 409/412/422, never a 5xx, and every
 * accepted change is exactly one revision.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @Test
    void twentyConcurrentPutsOfDifferentContentAreTwentyRevisions() throws Exception {
        List<Integer> statuses = all(20, i -> put("race-put", NoticeWriteTest.notice("race-put", "Version " + i + ".")));
        assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(revisions("race-put")).isEqualTo(20);
    }

    @Test
    void twentyIdenticalPostsWithOneKeyAreOneNoticeWithOneRevision() throws Exception {
        Map<String, Object> notice = NoticeWriteTest.notice("race-post", "Same text.");
        List<Integer> statuses = all(20, i -> send("POST", "/api/notices", notice, "race-key"));
        assertThat(statuses).containsOnly(201);
        assertThat(revisions("race-post")).isEqualTo(1);
    }

    @Test
    void twentyIdenticalPostsWithoutKeyAreOneCreationAndNineteenNoOps() throws Exception {
        Map<String, Object> notice = NoticeWriteTest.notice("race-post-plain", "Same text.");
        List<Integer> statuses = all(20, i -> send("POST", "/api/notices", notice, null));
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(19);
        assertThat(revisions("race-post-plain")).isEqualTo(1);
    }

    @Test
    void withdrawalsRacingEditsLoseNothing() throws Exception {
        assertThat(put("race-withdraw", NoticeWriteTest.notice("race-withdraw", "First."))).isEqualTo(201);
        List<Integer> statuses = all(20, i -> i % 2 == 0
                ? send("DELETE", "/api/notices/race-withdraw", Map.of("reason", "duplicate " + i), null)
                : put("race-withdraw", NoticeWriteTest.notice("race-withdraw", "Edit " + i + ".")));
        assertThat(statuses).containsOnly(200);
        // One creation, ten edits, one withdrawal (withdrawing a withdrawn notice changes nothing).
        assertThat(revisions("race-withdraw")).isEqualTo(12);
    }

    @Test
    void concurrentUploadsOfOneFileMakeOneDraftAndConflicts() throws Exception {
        byte[] file = "Dear X, the Commission sends a request for information under Article 34 DSA on 3 March 2025."
                .getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = all(8, i -> upload(file));
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    }

    @Test
    void aStaleIfMatchIsRefusedAndTheCurrentOneAccepted() throws Exception {
        assertThat(put("race-if-match", NoticeWriteTest.notice("race-if-match", "One."))).isEqualTo(201);
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(uri("/api/notices/race-if-match")).build(),
                HttpResponse.BodyHandlers.ofString());
        String etag = current.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(send("PUT", "/api/notices/race-if-match", NoticeWriteTest.notice("race-if-match", "Two."), null, etag)).isEqualTo(200);
        assertThat(send("PUT", "/api/notices/race-if-match", NoticeWriteTest.notice("race-if-match", "Three."), null, etag)).isEqualTo(412);
        assertThat(send("DELETE", "/api/notices/race-if-match", Map.of("reason", "stale"), null, etag)).isEqualTo(412);
        assertThat(send("DELETE", "/api/notices/race-if-match", Map.of("reason", "current"), null, "\"2\"")).isEqualTo(200);
        assertThat(revisions("race-if-match")).isEqualTo(3);
    }

    private List<Integer> all(int n, IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private int put(String slug, Map<String, Object> notice) {
        return send("PUT", "/api/notices/" + slug, notice, null);
    }

    private int send(String method, String path, Object body, String idempotencyKey) {
        return send(method, path, body, idempotencyKey, null);
    }

    private int send(String method, String path, Object body, String idempotencyKey, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int upload(byte[] file) {
        String boundary = "----noticeline-race";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"race.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        try {
            return http.send(HttpRequest.newBuilder(uri("/api/documents")).header("Authorization", ADMIN)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static long revisions(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> NoticeRevision.count("notice", Notice.findBySlug(slug).orElseThrow()));
    }
}
