package org.noticeline.notice.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
public class NoticeWriteTest {

    private static String editorToken;

    @BeforeEach
    void editor() {
        if (editorToken == null) {
            editorToken = given().header("Authorization", "Bearer test-admin-secret").contentType(ContentType.JSON)
                    .body(Map.of("name", "editor-jane", "scopes", List.of("ingest")))
                    .post("/api/admin/tokens").then().statusCode(201).extract().path("token");
        }
    }

    private static RequestSpecification asEditor() {
        return given().header("Authorization", "Bearer " + editorToken).contentType(ContentType.JSON);
    }

    public static Map<String, Object> notice(String slug, String body) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("slug", slug);
        notice.put("title", "Ofcom sends an information notice to 4chan");
        notice.put("date", "2025-04-14");
        notice.put("type", "request-for-information");
        notice.put("authority", "ofcom");
        notice.put("jurisdiction", "UK");
        notice.put("platforms", List.of("4chan"));
        notice.put("rules", List.of("UK-OSA:102"));
        notice.put("sources", List.of("https://www.ofcom.org.uk/"));
        notice.put("body", body);
        return notice;
    }

    @Test
    void writingNeedsAnIngestToken() {
        given().contentType(ContentType.JSON).body(notice("w-anonymous", "x")).post("/api/notices").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/notices/w-anonymous").then().statusCode(404);
    }

    @Test
    void postCreatesThenSameContentIsANoOpAndChangedContentIsANewRevision() {
        asEditor().body(notice("w-lifecycle", "First text.")).post("/api/notices").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/notices/w-lifecycle"))
                .body("revision", equalTo(1)).body("revisions[0].changedBy", equalTo("editor-jane"));
        asEditor().body(notice("w-lifecycle", "First text.")).post("/api/notices").then().statusCode(200)
                .body("revision", equalTo(1));
        asEditor().body(notice(null, "Second text, corrected.")).put("/api/notices/w-lifecycle").then().statusCode(200)
                .body("revision", equalTo(2)).body("body", equalTo("Second text, corrected."));

        given().get("/api/notices/w-lifecycle/revisions").then().statusCode(200)
                .body("number", equalTo(List.of(2, 1)))
                .body("changedBy", equalTo(List.of("editor-jane", "editor-jane")))
                .body("[1].content.body", equalTo("First text."));
        given().get("/api/notices/w-lifecycle/revisions/1").then().statusCode(200).body("content.body", equalTo("First text."));
        given().get("/api/notices/w-lifecycle/revisions/9").then().statusCode(404).contentType("application/problem+json");

        Document diff = Jsoup.parse(given().get("/notices/w-lifecycle/revisions/2").then().statusCode(200).extract().asString());
        assertThat(diff.select("tr.diff-removed pre").eachText()).contains("First text.");
        assertThat(diff.select("tr.diff-added pre").eachText()).contains("Second text, corrected.");
        Document page = Jsoup.parse(given().get("/notices/w-lifecycle").then().statusCode(200).extract().asString());
        assertThat(page.select("ol.revisions a").eachAttr("href"))
                .containsExactly("/notices/w-lifecycle/revisions/2", "/notices/w-lifecycle/revisions/1");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsStored() {
        Map<String, Object> bad = notice("w-invalid", "x".repeat(200_001));
        bad.remove("title");
        bad.put("date", "2025-02-30");
        bad.put("type", "memo");
        bad.put("platforms", List.of("4chan", "myspace"));
        bad.put("rules", List.of("UK-OSA:9999"));

        asEditor().body(bad).post("/api/notices").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "date", "type", "platforms", "rules", "body"));
        given().get("/api/notices/w-invalid").then().statusCode(404);
    }

    @Test
    void malformedJsonIsA400Problem() {
        asEditor().body("{\"title\": ").post("/api/notices").then().statusCode(400).contentType("application/problem+json");
        asEditor().body("{\"platforms\": 5}").post("/api/notices").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("platforms"));
    }

    @Test
    void slugInBodyMustMatchTheUrl() {
        asEditor().body(notice("w-one", "x")).put("/api/notices/w-other").then().statusCode(422).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentRequest() {
        asEditor().header("Idempotency-Key", "k-1").body(notice("w-idem", "Once.")).post("/api/notices").then().statusCode(201);
        asEditor().header("Idempotency-Key", "k-1").body(notice("w-idem", "Once.")).post("/api/notices").then().statusCode(201)
                .body("revision", equalTo(1));
        asEditor().header("Idempotency-Key", "k-1").body(notice("w-idem", "Twice?")).post("/api/notices").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().get("/api/notices/w-idem").then().body("body", equalTo("Once.")).body("revisions.size()", equalTo(1));
    }

    @Test
    void withdrawalKeepsTheNoticeReachableButTakesItOffTimelines() {
        asEditor().body(notice("w-withdrawn", "Posted in error.")).post("/api/notices").then().statusCode(201);

        asEditor().delete("/api/notices/w-withdrawn").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        asEditor().body(Map.of("reason", "duplicate of another notice")).delete("/api/notices/w-withdrawn").then().statusCode(200)
                .body("status", equalTo("withdrawn"))
                .body("withdrawnReason", equalTo("duplicate of another notice"))
                .body("revisions[0].note", equalTo("withdrawn: duplicate of another notice"));

        given().queryParam("platform", "4chan").queryParam("limit", 200).get("/api/notices").then()
                .body("items.slug", not(hasItem("w-withdrawn")));
        given().queryParam("platform", "4chan").queryParam("withdrawn", "true").queryParam("limit", 200).get("/api/notices").then()
                .body("items.slug", hasItem("w-withdrawn"));
        String page = given().get("/notices/w-withdrawn").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).select(".withdrawn-note").text()).contains("Withdrawn", "duplicate of another notice");
    }
}
