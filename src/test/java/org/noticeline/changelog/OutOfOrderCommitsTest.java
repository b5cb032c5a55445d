package org.noticeline.changelog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeOrigin;
import org.noticeline.notice.NoticeService;
import org.noticeline.notice.NoticeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox trap on PostgreSQL: two writers whose changes are appended in one order and committed in the other,
 * while a mirror polls {@code /api/changes} with the {@code next} it was given. The mirror must end with both
 * changes, each once and in increasing order; a log numbered at insert time would make it skip the one committed
 * last, and one that hands out only what lies below the oldest running transaction would hold everything back
 * behind a long one. Both orders of transaction ids are tried. The two notices share no row of the link tally
 * (platform, rule, authority, year): writers that share one take turns on it until they commit ({@code LinkTally}),
 * so only writers of unrelated notices can commit out of order.
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "NOTICELINE_TEST_DB_KIND", matches = "postgresql")
class OutOfOrderCommitsTest {

    @Inject
    NoticeService notices;
    @Inject
    EntityManager em;

    /** A reader that keeps its copy in sync the way the README tells mirrors to. */
    static final class Mirror {
        long next;
        final List<Map<String, Object>> seen = new ArrayList<>();

        Mirror(long start) {
            next = start;
        }

        void poll() {
            JsonPath page = given().queryParam("since", next).get("/api/changes").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items"));
            next = page.getLong("next");
        }

        List<Object> slugs() {
            return seen.stream().map(i -> i.get("slug")).toList();
        }
    }

    @Test
    void theOlderTransactionAppendsFirstAndCommitsLast() throws Exception {
        Mirror mirror = new Mirror(headSeq());
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            write("outoforder-a1", false);
            firstAppended.countDown();
            await(secondCommitted);
            // The mirror polls while this transaction holds the smaller number, uncommitted.
        }));
        assertThat(firstAppended.await(20, TimeUnit.SECONDS)).isTrue();
        QuarkusTransaction.requiringNew().run(() -> write("outoforder-a2", true));
        pollUntil(mirror, "outoforder-a2");
        assertThat(mirror.slugs()).as("a committed change is not held back by a transaction still running").doesNotContain("outoforder-a1");
        secondCommitted.countDown();
        first.get(20, TimeUnit.SECONDS);

        pollUntilBoth(mirror, "outoforder-a1", "outoforder-a2");
        assertThat(mirror.slugs()).containsSubsequence("outoforder-a2", "outoforder-a1");
    }

    @Test
    void theYoungerTransactionAppendsFirstAndCommitsLast() throws Exception {
        Mirror mirror = new Mirror(headSeq());
        CountDownLatch olderHasItsId = new CountDownLatch(1);
        CountDownLatch youngerAppended = new CountDownLatch(1);
        CountDownLatch olderCommitted = new CountDownLatch(1);
        // The older transaction takes its transaction id first, but appends its change after the younger one.
        CompletableFuture<Void> older = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select pg_current_xact_id()::text").getSingleResult();
            olderHasItsId.countDown();
            await(youngerAppended);
            write("outoforder-b2", false);
        }));
        assertThat(olderHasItsId.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> younger = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            write("outoforder-b1", true);
            youngerAppended.countDown();
            await(olderCommitted);
        }));
        older.get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            mirror.poll();
        }
        olderCommitted.countDown();
        younger.get(20, TimeUnit.SECONDS);

        pollUntilBoth(mirror, "outoforder-b1", "outoforder-b2");
    }

    private static void pollUntil(Mirror mirror, String slug) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!mirror.slugs().contains(slug) && System.nanoTime() < deadline) {
            mirror.poll();
            Thread.sleep(20);
        }
        assertThat(mirror.slugs()).contains(slug);
    }

    private void pollUntilBoth(Mirror mirror, String one, String two) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(mirror.slugs().contains(one) && mirror.slugs().contains(two)) && System.nanoTime() < deadline) {
            mirror.poll();
            Thread.sleep(20);
        }
        assertThat(mirror.slugs()).filteredOn(one::equals).hasSize(1);
        assertThat(mirror.slugs()).filteredOn(two::equals).hasSize(1);
        List<Long> seqs = mirror.seen.stream().map(i -> ((Number) i.get("seq")).longValue()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }

    /** Either a notice of Ofcom to 4chan in 2025 or, {@code other}, one of the Commission to TikTok in 2024. */
    private void write(String slug, boolean other) {
        NoticeContent content = other
                ? new NoticeContent(slug, "The Commission writes to TikTok", "2024-02-19", "request-for-information", "european-commission", "EU",
                List.of("tiktok"), List.of("DSA:34"), null, "en", null, List.of("https://ec.europa.eu/"), "Out of order.")
                : new NoticeContent(slug, "Ofcom writes to 4chan", "2025-04-14", "request-for-information", "ofcom", "UK",
                List.of("4chan"), List.of("UK-OSA:102"), null, "en", null, List.of("https://www.ofcom.org.uk/"), "Out of order.");
        notices.upsert(content, NoticeService.Author.of("out-of-order-test", NoticeOrigin.API), NoticeStatus.PUBLISHED);
    }

    private static long headSeq() {
        long next = 0;
        while (true) {
            JsonPath page = given().queryParam("since", next).queryParam("limit", 10_000).get("/api/changes").then().statusCode(200)
                    .extract().jsonPath();
            if (page.getLong("next") == next) {
                return next;
            }
            next = page.getLong("next");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other writer never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
