package org.noticeline.timeline;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of public page stays under {@value #MAX_KB} KB on a record of {@code NOTICELINE_TEST_BOUNDS_NOTICES}
 * (100,000) synthetic notices: lists are paged, the overview is counted by period, panels are cut to their top ten.
 * The record is this test's own (its own H2 database, or its own schema on PostgreSQL), so that no other test sees
 * it. How long the pages take is the benchmark's to say ({@code src/bench/pages.sh}), not a test's.
 */
@QuarkusTest
@TestProfile(PageBoundsTest.OwnRecord.class)
class PageBoundsTest {

    static final int MAX_KB = 300;
    private static final int LOAD = 2_000;
    private static final int NOTICES = Integer.parseInt(System.getenv().getOrDefault("NOTICELINE_TEST_BOUNDS_NOTICES", "100000"));

    /** A database of its own, no page cache (the sizes are of what is rendered), nothing that sends. */
    public static class OwnRecord implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String kind = System.getenv().getOrDefault("NOTICELINE_TEST_DB_KIND", "h2");
            String url = System.getenv("NOTICELINE_TEST_DB_URL");
            return kind.startsWith("postgres")
                    ? Map.of("quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=bounds",
                            "quarkus.flyway.schemas", "bounds", "noticeline.page-cache.enabled", "false",
                            "noticeline.subscriptions.enabled", "false")
                    : Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:noticeline-bounds;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                            "noticeline.page-cache.enabled", "false", "noticeline.subscriptions.enabled", "false");
        }
    }

    @Test
    void everyPublicPageStaysSmallWhateverTheSizeOfTheRecord() {
        // In loads of 2,000 (seeds 1, 2, ...): one request stays well within the client's timeout, on a busy machine too.
        for (int seed = 1; seed <= (NOTICES + LOAD - 1) / LOAD; seed++) {
            given().header("Authorization", "Bearer test-admin-secret")
                    .post("/api/admin/synthetic-notices?count=" + Math.min(LOAD, NOTICES - (seed - 1) * LOAD) + "&seed=" + seed)
                    .then().statusCode(200);
        }
        awaitSearch();
        String notice = given().get("/api/notices?platform=x&limit=1").then().statusCode(200).extract().path("items[0].slug");
        String proceeding = given().get("/api/proceedings").then().statusCode(200).extract().path("[0].id");
        List<String> pages = List.of("/", "/platforms", "/platforms/x", "/platforms/tiktok", "/rules", "/rules/DSA", "/rules/DSA/34",
                "/rules/GDPR", "/authorities", "/authorities/european-commission", "/proceedings", "/proceedings/" + proceeding,
                "/notices/" + notice, "/search?q=risk", "/search?q=platform:x", "/research/matrix", "/research/matrix?by=article&instrument=DSA",
                "/api/notices?platform=x", "/api/notices?limit=200", "/api/search?q=risk", "/feeds/notices.atom", "/feeds/notices.rss?rule=DSA");
        for (String page : pages) {
            Response response = given().get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.asByteArray().length).as(page + " in bytes").isLessThan(MAX_KB * 1024);
        }
        assertThat(given().get("/api/notices?limit=1").then().extract().jsonPath().getString("nextCursor"))
                .as("the record holds the synthetic notices").isNotNull();
    }

    /** The index follows the bulk load on its own; search answers 503 until it has caught up. */
    private static void awaitSearch() {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (given().get("/api/search?q=risk").statusCode() == 503 && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
