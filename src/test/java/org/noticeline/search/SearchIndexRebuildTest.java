package org.noticeline.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** While the index is rebuilt, searches are refused with 503 and Retry-After; changes made meanwhile are in the result. */
@QuarkusTest
class SearchIndexRebuildTest {

    @Inject
    SearchIndex index;

    @Test
    void searchesAre503WithRetryAfterWhileRebuildingAndChangesMadeMeanwhileAreKept() throws Exception {
        SearchTesting.awaitReady();
        String token = given().header("Authorization", "Bearer test-admin-secret").contentType(ContentType.JSON)
                .body(Map.of("name", "rebuild-editor", "scopes", List.of("ingest"))).post("/api/admin/tokens").then().statusCode(201)
                .extract().path("token");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> rebuilt = index.rebuild(task -> new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        }).start());

        given().queryParam("q", "data").get("/api/search").then()
                .statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503)).body("detail", containsString("rebuilt"));
        given().queryParam("q", "\"data").get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().get("/search?q=data").then().statusCode(503).header("Retry-After", "5");

        String slug = "search-during-rebuild-" + Long.toString(System.nanoTime(), 36);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(NoticeWriteTest.notice(slug, "Ofcom asked about kookaburrareports under section 102.")).post("/api/notices").then().statusCode(201);
        Thread.sleep(300); // long enough for the follower to hand the change to the index while it is rebuilding
        release.countDown();
        rebuilt.get(60, TimeUnit.SECONDS);

        assertThat(index.ready()).isTrue();
        assertThat(SearchTesting.slugs(Map.of("q", "kookaburrareports"))).containsExactly(slug);
        assertThat(SearchTesting.search(Map.of("q", "")).getInt("total")).isEqualTo(SearchTesting.timeline(Map.of()).size());
    }
}
