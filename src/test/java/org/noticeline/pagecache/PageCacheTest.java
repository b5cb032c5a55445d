package org.noticeline.pagecache;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.noticeline.changelog.Change;
import org.noticeline.changelog.ChangeKind;
import org.noticeline.changelog.PublicChanges;
import org.noticeline.changelog.QuietRecord;
import org.noticeline.notice.rest.NoticeWriteTest;
import org.noticeline.search.SearchIndex;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Public answers are kept once rendered, under their canonical request, until a visible change; nothing personal is. */
@QuarkusTest
class PageCacheTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final String JSON = "application/json";
    /** No other test writes notices dated 1983. */
    private static final String YEAR = "from=1983-01-01&to=1983-12-31";

    @Inject
    PageCache cache;
    @Inject
    SearchIndex search;
    @Inject
    PageCacheRoute route;
    @Inject
    PublicChanges changes;
    @TestHTTPResource("/")
    URI root;

    private PageKey key(String path, String query, String accept) {
        return PageKey.of(path, query, accept, null, search::position).orElseThrow();
    }

    /**
     * Asks until the answer is kept: a change that something else in the suite commits (a re-link) can clear the cache
     * between asking and looking, so one look could fail for a reason that has nothing to do with the cache.
     */
    private CachedPage keptAfter(Runnable ask, Supplier<PageKey> key) {
        for (int attempt = 0; attempt < 5; attempt++) {
            ask.run();
            CachedPage page = cache.find(key.get());
            if (page != null) {
                return page;
            }
        }
        throw new AssertionError("never kept under " + key.get().id());
    }

    @Test
    void aPublicPageIsKeptAndAnsweredAgainAsItWasSent() {
        Response first = given().accept("text/html").header("Accept-Encoding", "identity").get("/platforms/x");
        CachedPage kept = keptAfter(() -> given().accept("text/html").header("Accept-Encoding", "identity").get("/platforms/x"),
                () -> key("/platforms/x", null, "text/html"));
        Response second = given().accept("text/html").header("Accept-Encoding", "identity").get("/platforms/x");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.asString()).isEqualTo(first.asString()).isEqualTo(kept.body().toString(StandardCharsets.UTF_8));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo(kept.etag());
        assertThat(second.header("Cache-Control")).isEqualTo(PageRevalidation.PUBLIC);
        assertThat(second.header("Vary")).isEqualTo(PageRevalidation.VARY);
        assertThat(second.contentType()).startsWith("text/html");
        assertThat(second.header("Content-Security-Policy")).as("security headers on a cached answer too").isNotBlank();
        assertThat(second.header("Last-Modified")).isEqualTo(first.header("Last-Modified")).isNotBlank();
    }

    @Test
    void aSearchPageIsKeptAndTaggedLikeAnyOther() {
        Response first = given().accept("text/html").get("/search?q=risk");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("ETag")).startsWith("W/\"");
        assertThat(first.header("Cache-Control")).isEqualTo(PageRevalidation.PUBLIC);
        CachedPage kept = keptAfter(() -> given().accept("text/html").get("/search?q=risk"), () -> key("/search", "q=risk", "text/html"));
        assertThat(kept.contentType()).startsWith("text/html");
        assertThat(given().accept("text/html").get("/search?q=risk").asString()).contains("<mark>");
    }

    @Test
    void oneKeyHoweverTheFiltersAreSpelledAndWhateverIsAddedToTheLink() {
        keptAfter(() -> given().accept(JSON).get("/api/notices?platform=x,tiktok&utm_source=newsletter").then().statusCode(200),
                () -> key("/api/notices", "platform=tiktok&platform=x", JSON));
        assertThat(cache.find(key("/api/notices", "platform=tiktok&platform=x&fbclid=1", JSON))).isNotNull();
    }

    @Test
    void aWriteIsReadAtOnceAndAChangeOnAnotherReplicaClearsTheCache() {
        String slug = "page-cache-" + UUID.randomUUID().toString().substring(0, 8);
        keptAfter(() -> given().accept(JSON).get("/api/notices?" + YEAR).then().statusCode(200), () -> key("/api/notices", YEAR, JSON));

        Map<String, Object> notice = NoticeWriteTest.notice(slug, "A notice in a year that only this test writes.");
        notice.put("date", "1983-06-07");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice).post("/api/notices").then().statusCode(201);
        assertThat(cache.find(key("/api/notices", YEAR, JSON))).as("cleared by this replica's own commit").isNull();
        assertThat(given().accept(JSON).get("/api/notices?" + YEAR).asString()).contains(slug);

        keptAfter(() -> given().accept(JSON).get("/api/notices?" + YEAR), () -> key("/api/notices", YEAR, JSON));
        changes.apply(List.of(new Change(Long.MAX_VALUE - 1, ChangeKind.REVISED, 1L, "elsewhere", 2, false, Instant.now())));
        assertThat(cache.find(key("/api/notices", YEAR, JSON))).as("a draft's change, which no public page shows").isNotNull();
        changes.apply(List.of(new Change(Long.MAX_VALUE, ChangeKind.REVISED, 1L, "elsewhere", 2, true, Instant.now())));
        assertThat(cache.find(key("/api/notices", YEAR, JSON))).as("a visible change made on another replica").isNull();
    }

    @Test
    void manyAskingAtOnceForAPageNobodyHasAreOneRender() throws Exception {
        String page = "/rules/DSA?limit=37";
        QuietRecord.await(changes);
        changes.apply(List.of(new Change(Long.MAX_VALUE, ChangeKind.REVISED, 1L, "elsewhere", 2, true, Instant.now())));
        long before = cache.renders();
        int visitors = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(visitors);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().accept("text/html").get(page);
                }));
            }
            start.countDown();
            java.util.Set<String> tags = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                tags.add(response.header("ETag"));
            }
            assertThat(tags).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        // One render for all of them; a change committed meanwhile by something else in the suite could cost one more.
        assertThat(cache.renders() - before).isBetween(1L, 2L);
    }

    @Test
    void anAnswerNobodyMayKeepIsRememberedSoThatItsRendersRunSideBySide() {
        Response subscribe = given().accept("text/html").get("/subscribe?platform=x");
        assertThat(subscribe.statusCode()).isEqualTo(200);
        assertThat(subscribe.header("Cache-Control")).contains("no-store");
        PageKey key = key("/subscribe", "platform=x", "text/html");
        assertThat(cache.find(key)).isNull();
        // Noted as the response ends, which may be a moment after the client has it.
        Instant until = Instant.now().plusSeconds(2);
        while (!route.knownUncacheable(key) && Instant.now().isBefore(until)) {
            Thread.onSpinWait();
        }
        assertThat(route.knownUncacheable(key)).isTrue();
        assertThat(route.knownUncacheable(key("/platforms/x", null, "text/html"))).isFalse();
    }


    @Test
    void aResponseRenderedBeforeAChangeIsNotKeptAfterIt() {
        PageKey key = key("/nowhere-" + UUID.randomUUID(), null, JSON);
        PageCache.Ticket ticket = cache.ticket(key);
        changes.apply(List.of(new Change(Long.MAX_VALUE, ChangeKind.REVISED, 1L, "elsewhere", 2, true, Instant.now())));
        cache.keep(ticket, new CachedPage(Buffer.buffer("stale"), JSON, null, "W/\"x\"", null, List.of()));
        assertThat(cache.find(key)).isNull();

        cache.keep(cache.ticket(key), new CachedPage(Buffer.buffer("fresh"), JSON, null, "W/\"y\"", null, List.of()));
        assertThat(cache.find(key).body().toString()).isEqualTo("fresh");
    }

    @Test
    void personalAnswersExportsAndPositionsAreNeverKept() {
        given().header("Authorization", ADMIN).accept(JSON).get("/api/notices?platform=facebook,x&limit=7").then().statusCode(200);
        assertThat(cache.find(key("/api/notices", "platform=facebook,x&limit=7", JSON))).isNull();

        Response csv = given().get("/api/notices?format=csv&platform=x");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("ETag")).isNull();
        assertThat(PageKey.of("/api/notices", "format=csv&platform=x", null, null, search::position)).isEmpty();
        Response csvByAccept = given().accept("text/csv").get("/api/notices?platform=x&limit=3");
        assertThat(csvByAccept.contentType()).startsWith("text/csv");
        assertThat(cache.find(key("/api/notices", "platform=x&limit=3", "text/csv"))).isNull();
        assertThat(given().accept("text/csv").get("/api/notices?platform=x&limit=3").contentType()).startsWith("text/csv");
    }

    @Test
    void conditionalRequestsAreAnsweredFromTheCacheWith304() {
        CachedPage kept = keptAfter(() -> given().accept("text/html").get("/rules/DSA"), () -> key("/rules/DSA", null, "text/html"));
        Response byTag = given().accept("text/html").header("If-None-Match", kept.etag()).get("/rules/DSA");
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.asByteArray()).isEmpty();
        String lastModified = given().accept("text/html").get("/rules/DSA").header("Last-Modified");
        assertThat(given().accept("text/html").header("If-Modified-Since", lastModified).get("/rules/DSA").statusCode()).isEqualTo(304);
        assertThat(given().accept("text/html").header("If-Modified-Since", "Mon, 01 Jan 1990 00:00:00 GMT").get("/rules/DSA").statusCode())
                .isEqualTo(200);
        Response head = given().accept("text/html").head("/rules/DSA");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(kept.etag());
        assertThat(head.asByteArray()).isEmpty();
    }

    /** Over HTTP/1.1 the gzipped copy is sent as it is kept; over HTTP/2 the server compresses the plain one itself. */
    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aGzippedHitIsThePageCompressedOnce(HttpClient.Version version) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/authorities/ofcom")).header("Accept", "text/html");
        String plain = client.send(request.copy().build(), HttpResponse.BodyHandlers.ofString()).body();
        keptAfter(() -> send(client, request.copy().header("Accept-Encoding", "gzip").build()),
                () -> PageKey.of("/authorities/ofcom", null, "text/html", version == HttpClient.Version.HTTP_2 ? null : "gzip", search::position).orElseThrow());

        HttpResponse<InputStream> gzipped = client.send(request.copy().header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream body = new GZIPInputStream(gzipped.body())) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain).contains("<html");
        }
    }

    @Test
    void feedsAreKeptWithTheirOwnHeaders() {
        Response first = given().get("/feeds/notices.atom?platform=x");
        assertThat(first.statusCode()).isEqualTo(200);
        CachedPage kept = keptAfter(() -> given().get("/feeds/notices.atom?platform=x"),
                () -> PageKey.of("/feeds/notices.atom", "platform=x", "*/*", null, search::position).orElseThrow());
        Response hit = given().get("/feeds/notices.atom?platform=x");
        assertThat(hit.header("ETag")).isEqualTo(kept.etag()).isEqualTo(first.header("ETag"));
        assertThat(hit.header("Last-Modified")).isEqualTo(first.header("Last-Modified"));
        assertThat(hit.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
        assertThat(hit.contentType()).isEqualTo(first.contentType());
        assertThat(hit.asString()).isEqualTo(first.asString());
    }

    private static void send(HttpClient client, HttpRequest request) {
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
