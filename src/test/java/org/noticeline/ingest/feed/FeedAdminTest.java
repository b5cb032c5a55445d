package org.noticeline.ingest.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeline.ingest.feed.FeedFixtures.Item;
import org.noticeline.outbound.LocalHttpServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.noticeline.ingest.feed.FeedFixtures.ADMIN;
import static org.noticeline.ingest.feed.FeedFixtures.createSource;
import static org.noticeline.ingest.feed.FeedFixtures.json;
import static org.noticeline.ingest.feed.FeedFixtures.page;
import static org.noticeline.ingest.feed.FeedFixtures.poll;
import static org.noticeline.ingest.feed.FeedFixtures.source;

/** The admin API and page for sources, the sources file, and the claim that keeps replicas apart. */
@QuarkusTest
class FeedAdminTest {

    private static LocalHttpServer server;

    @Inject
    FeedPoller poller;
    @Inject
    FeedSourceFile file;

    @BeforeAll
    static void start() {
        server = LocalHttpServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> spec(String id) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("id", id);
        spec.put("authority", "ofcom");
        spec.put("url", server.url("/admin/" + id + ".json"));
        spec.put("format", "json");
        return spec;
    }

    @Test
    void sourceEndpointsNeedAnAdminToken() {
        String ingest = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "feeds-ingest-only", "scopes", List.of("ingest")))
                .post("/api/admin/tokens").then().statusCode(201).extract().path("token");

        given().get("/api/admin/sources").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(spec("m-anonymous")).post("/api/admin/sources").then().statusCode(401);
        given().post("/api/admin/sources/ftc-consumer-protection/poll").then().statusCode(401);
        given().delete("/api/admin/sources/ftc-consumer-protection").then().statusCode(401);
        given().header("Authorization", "Bearer " + ingest).get("/api/admin/sources").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void everyInvalidFieldIsA422ProblemNamingIt() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("id", "Not An Id");
        bad.put("authority", "ministry-of-truth");
        bad.put("url", "ftp://feeds.example/news");
        bad.put("format", "xml");
        bad.put("interval", "hourly");
        bad.put("type", "memo");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad).post("/api/admin/sources").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("id", "authority", "url", "format", "interval", "type"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of()).post("/api/admin/sources").then()
                .statusCode(422).body("errors.field", containsInAnyOrder("id", "authority", "url", "format"));
        Map<String, Object> tooOften = spec("m-too-often");
        tooOften.put("interval", "10s");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(tooOften).post("/api/admin/sources").then()
                .statusCode(422).body("errors[0].field", equalTo("interval"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"id\": ").post("/api/admin/sources").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void createdSourcesAreListedWithTheirConfigurationAndState() {
        Map<String, Object> spec = spec("m-listed");
        spec.put("interval", "30m");
        spec.put("type", "guidance");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(spec).post("/api/admin/sources").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/admin/sources/m-listed"))
                .body("interval", equalTo("PT30M")).body("enabled", equalTo(true)).body("publish", equalTo(false))
                .body("origin", equalTo("api")).body("state.lastPollAt", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(spec).post("/api/admin/sources").then()
                .statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("id"));

        JsonPath listed = source("m-listed");
        assertThat(listed.getString("authority")).isEqualTo("ofcom");
        assertThat(listed.getString("format")).isEqualTo("json");
        assertThat(listed.getString("type")).isEqualTo("guidance");
        assertThat(listed.getString("state.nextPollAt")).isNotNull();
        assertThat(listed.getLong("state.entriesSeen")).isZero();
    }

    @Test
    void pollNowReturnsThePollResultAndUnknownSourcesAre404() {
        server.serve("/admin/m-poll-now.json", "application/json",
                json(server, new Item("p-1", "Ofcom polls Nowforum", "/admin/p/1", "2031-11-01", null)));
        server.serve("/admin/p/1", "text/html", page("Now", "Polled now."));
        createSource(server, "m-poll-now", "json", "/admin/m-poll-now.json", Map.of());

        given().header("Authorization", ADMIN).post("/api/admin/sources/m-poll-now/poll").then().statusCode(200)
                .body("source", equalTo("m-poll-now")).body("outcome", equalTo("ok")).body("entries", equalTo(1))
                .body("created", equalTo(1)).body("failed", equalTo(0)).body("problems.size()", equalTo(0));
        given().header("Authorization", ADMIN).post("/api/admin/sources/no-such-source/poll").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).delete("/api/admin/sources/no-such-source").then().statusCode(404);
    }

    @Test
    void deleteDisablesASourceWhichIsThenNeverPolled() {
        createSource(server, "m-disabled", "json", "/admin/m-disabled.json", Map.of());

        given().header("Authorization", ADMIN).delete("/api/admin/sources/m-disabled").then().statusCode(200)
                .body("id", equalTo("m-disabled")).body("enabled", equalTo(false));

        assertThat(source("m-disabled").getBoolean("enabled")).isFalse();
        given().header("Authorization", ADMIN).post("/api/admin/sources/m-disabled/poll").then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo("source 'm-disabled' is disabled"));
        assertThat(poller.pollDue()).extracting(PollResult::source).doesNotContain("m-disabled");
        assertThat(server.requests("/admin/m-disabled.json")).isEmpty();
    }

    @Test
    void aSourceIsClaimedByOnePollerAtATime() {
        createSource(server, "m-claimed", "json", "/admin/m-claimed.json", Map.of());
        server.serve("/admin/m-claimed.json", "application/json", "[]");

        assertThat(poller.claim("m-claimed", true)).isTrue();
        assertThat(poller.claim("m-claimed", true)).as("a second replica finds it taken").isFalse();
        assertThat(poller.claim("m-claimed", false)).as("poll now waits for the poll under way too").isFalse();
        given().header("Authorization", ADMIN).post("/api/admin/sources/m-claimed/poll").then().statusCode(409)
                .body("detail", equalTo("source 'm-claimed' is being polled right now"));
        assertThat(poller.pollDue()).extracting(PollResult::source).doesNotContain("m-claimed");

        PollResult result = poller.poll("m-claimed");

        assertThat(result.outcome().id()).isEqualTo("ok");
        assertThat(poller.claim("m-claimed", true)).as("released, and not due for an hour").isFalse();
        assertThat(poller.claim("m-claimed", false)).as("released: poll now may take it").isTrue();
        poller.poll("m-claimed");
    }

    @Test
    void thePageListsSourcesWithTheirState() {
        server.serve("/admin/m-page-ok.json", "application/json",
                json(server, new Item("pg-1", "Ofcom shows Pageforum", "/admin/pg/1", "2031-12-01", null)));
        server.serve("/admin/pg/1", "text/html", page("Page", "On the page."));
        server.serve("/admin/m-page-broken.json", 500, "text/plain", "no");
        createSource(server, "m-page-ok", "json", "/admin/m-page-ok.json", Map.of());
        createSource(server, "m-page-broken", "json", "/admin/m-page-broken.json", Map.of());
        poll("m-page-ok");
        poll("m-page-broken");

        Document page = Jsoup.parse(given().header("Authorization", ADMIN).accept("text/html").get("/admin/feeds").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString());

        assertThat(page.select("h1").text()).isEqualTo("Official feeds");
        Element ok = page.getElementById("source-m-page-ok");
        assertThat(ok).isNotNull();
        assertThat(ok.select("td.outcome").text()).isEqualTo("ok");
        assertThat(ok.select("td.created").text()).isEqualTo("1");
        assertThat(ok.select("td.seen").text()).isEqualTo("1");
        assertThat(ok.select("td.error").text()).isEmpty();
        Element broken = page.getElementById("source-m-page-broken");
        assertThat(broken.select("td.outcome").text()).isEqualTo("failed");
        assertThat(broken.select("td.error").text()).contains("answered HTTP 500");
        Element shipped = page.getElementById("source-ftc-consumer-protection");
        assertThat(shipped.text()).contains("rss, every 1h, disabled").contains("never");
    }

    @Test
    void shippedSourcesAreLoadedDisabled() {
        JsonPath ftc = source("ftc-consumer-protection");
        assertThat(ftc.getString("origin")).isEqualTo("file");
        assertThat(ftc.getBoolean("enabled")).isFalse();
        assertThat(ftc.getString("authority")).isEqualTo("ftc");
        assertThat(ftc.getString("format")).isEqualTo("rss");
        assertThat(ftc.getString("state.lastPollAt")).isNull();
        assertThat(source("edpb-news").getBoolean("enabled")).isFalse();
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void theSourcesFileIsAppliedWhenAnEntryIsNewOrChangedAndBadEntriesAreReported() throws IOException {
        Path dir = Files.createTempDirectory("sources-test");
        Path yaml = dir.resolve("sources.yaml");
        try {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(spec("m-listed-by-api")).post("/api/admin/sources")
                    .then().statusCode(201);
            Files.writeString(yaml, """
                    - {id: m-file, authority: ofcom, url: %1$s, format: atom, interval: 2h}
                    - {id: m-file-bad, authority: nobody, url: %1$s, format: atom}
                    - {id: m-file-colour, authority: ofcom, url: %1$s, format: atom, colour: blue}
                    - {id: m-listed-by-api, authority: ofcom, url: %1$s, format: atom}
                    - {id: m-file, authority: ofcom, url: %1$s, format: rss}
                    """.formatted(server.url("/file.xml")));

            assertThat(file.apply(yaml)).containsExactly(
                    "sources.yaml: source 'm-file-colour': unknown field 'colour'",
                    "sources.yaml: source 'm-file-bad': authority: unknown authority 'nobody'",
                    "sources.yaml: source 'm-listed-by-api' was created through the API; the file entry is ignored",
                    "sources.yaml: source 'm-file' is listed twice");
            JsonPath created = source("m-file");
            assertThat(created.getString("origin")).isEqualTo("file");
            assertThat(created.getString("interval")).isEqualTo("PT2H");
            assertThat(created.getBoolean("enabled")).isTrue();
            assertThat(source("m-listed-by-api").getString("origin")).isEqualTo("api");
            assertThat(source("m-listed-by-api").getString("format")).isEqualTo("json");
            assertThat(given().header("Authorization", ADMIN).accept("text/html").get("/admin/feeds").then().extract().asString())
                    .contains("unknown authority &#39;nobody&#39;");

            given().header("Authorization", ADMIN).delete("/api/admin/sources/m-file").then().statusCode(200);
            file.apply(yaml);
            assertThat(source("m-file").getBoolean("enabled")).as("an unchanged entry leaves the admin's disable alone").isFalse();

            Files.writeString(yaml, "- {id: m-file, authority: ofcom, url: %s, format: atom, interval: 3h}\n".formatted(server.url("/file.xml")));
            assertThat(file.apply(yaml)).isEmpty();
            assertThat(source("m-file").getBoolean("enabled")).as("a changed entry is applied").isTrue();
            assertThat(source("m-file").getString("interval")).isEqualTo("PT3H");
        } finally {
            given().header("Authorization", ADMIN).delete("/api/admin/sources/m-file");
            file.apply(Path.of("notices/catalog/sources.yaml"));
            Files.deleteIfExists(yaml);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void replicasApplyingTheSourcesFileTogetherCreateEachSourceOnce() throws Exception {
        Path dir = Files.createTempDirectory("sources-race");
        Path yaml = dir.resolve("sources.yaml");
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            entries.append("- {id: m-race-%d, authority: ofcom, url: %s, format: rss}\n".formatted(i, server.url("/race.xml")));
        }
        Files.writeString(yaml, entries);
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<List<String>> replica = () -> {
                go.await();
                return file.apply(yaml);
            };
            var first = replicas.submit(replica);
            var second = replicas.submit(replica);
            go.countDown();

            assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
            assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
            long count = QuarkusTransaction.requiringNew().call(() -> FeedSource.count("id like 'm-race-%'"));
            assertThat(count).isEqualTo(5);
        } finally {
            replicas.shutdownNow();
            for (int i = 0; i < 5; i++) {
                given().header("Authorization", ADMIN).delete("/api/admin/sources/m-race-" + i);
            }
            file.apply(Path.of("notices/catalog/sources.yaml"));
            Files.deleteIfExists(yaml);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void entriesSeenAreRecordedPerSource() {
        server.serve("/admin/m-records.json", "application/json", json(server,
                new Item("r-1", "Ofcom records Recforum", "/admin/r/1", "2031-12-02", null)));
        server.serve("/admin/r/1", "text/html", page("Records", "Recorded."));
        createSource(server, "m-records", "json", "/admin/m-records.json", Map.of());
        poll("m-records");

        FeedEntryRecord record = QuarkusTransaction.requiringNew().call(() -> FeedEntryRecord.findEntry("m-records", "r-1").orElseThrow());
        assertThat(record.url).isEqualTo(server.url("/admin/r/1"));
        assertThat(record.noticeSlug).isEqualTo("2031-12-02-ofcom-records-recforum");
        assertThat(record.createdNotice).isTrue();
        assertThat(record.contentHash).hasSize(64);
        assertThat(record.writtenHash).isEqualTo(FeedFixtures.notice("2031-12-02-ofcom-records-recforum").getString("revisions[0].contentHash"));
    }
}
