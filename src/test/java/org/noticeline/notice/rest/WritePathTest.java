package org.noticeline.notice.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The contract of the one write path as clients see it: POST never overwrites, PUT replaces whole, drafts are for editors. */
@QuarkusTest
class WritePathTest {

    private static final String ADMIN = "Bearer test-admin-secret";

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON);
    }

    @Test
    void aPostWhoseMadeUpSlugIsTakenIsAConflictAndReplacesNothing() {
        Map<String, Object> first = new HashMap<>(NoticeWriteTest.notice(null, "The first emoji notice."));
        first.remove("slug");
        first.put("title", "🚨🚨🚨");
        String slug = asAdmin().body(first).post("/api/notices").then().statusCode(201).extract().path("slug");

        Map<String, Object> second = new HashMap<>(first);
        second.put("title", "!!!");
        second.put("body", "Another notice entirely.");
        asAdmin().body(second).post("/api/notices").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug")).body("detail", org.hamcrest.Matchers.containsString(slug));
        given().get("/api/notices/" + slug).then().statusCode(200).body("body", equalTo("The first emoji notice."))
                .body("revision", equalTo(1));
    }

    @Test
    void aPostWithoutBodyNeverEmptiesOneAndAPutMustSayItEmptiesIt() {
        asAdmin().body(NoticeWriteTest.notice("w-keeps-body", "Kept.")).post("/api/notices").then().statusCode(201);
        Map<String, Object> bodiless = new HashMap<>(NoticeWriteTest.notice("w-keeps-body", null));
        bodiless.remove("body");
        asAdmin().body(bodiless).post("/api/notices").then().statusCode(409);
        asAdmin().body(bodiless).put("/api/notices/w-keeps-body").then().statusCode(422).body("errors[0].field", equalTo("body"));
        given().get("/api/notices/w-keeps-body").then().body("body", equalTo("Kept.")).body("revision", equalTo(1));
        bodiless.put("body", "");
        asAdmin().body(bodiless).put("/api/notices/w-keeps-body").then().statusCode(200).body("body", equalTo("")).body("revision", equalTo(2));
    }

    @Test
    void draftsAreSeenByTokenHoldersOnly() {
        String slug = given().header("Authorization", ADMIN)
                .multiPart("file", "draft.txt", "Dear X, the Commission writes to you on 4 April 2025 under Article 34 DSA."
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/documents").then().statusCode(201).body("status", equalTo("draft")).extract().path("slug");

        given().get("/api/notices/" + slug).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/notices/" + slug + "/revisions").then().statusCode(404);
        given().get("/notices/" + slug).then().statusCode(404);
        given().queryParam("limit", 200).get("/api/notices").then().body("items.slug", not(hasItem(slug)));
        String anonymousExport = given().get("/api/export").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(anonymousExport).doesNotContain("\"slug\":\"" + slug + "\"");

        given().header("Authorization", ADMIN).get("/api/notices/" + slug).then().statusCode(200).body("status", equalTo("draft"));
        given().header("Authorization", ADMIN).get("/notices/" + slug).then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(given().header("Authorization", ADMIN).get("/api/export").then().extract().asString())
                .contains("\"slug\":\"" + slug + "\"");

        // Withdrawing a draft discards it: it was never public, and withdrawing must not make it so.
        asAdmin().body(Map.of("reason", "uploaded by mistake")).delete("/api/notices/" + slug).then().statusCode(200)
                .body("status", equalTo("discarded"));
        given().get("/api/notices/" + slug).then().statusCode(404);
        given().get("/notices/" + slug).then().statusCode(404);
        given().queryParam("withdrawn", true).queryParam("limit", 200).get("/api/notices").then().body("items.slug", not(hasItem(slug)));
        org.assertj.core.api.Assertions.assertThat(given().get("/api/export").then().extract().asString()).doesNotContain("\"slug\":\"" + slug + "\"");
        String document = given().header("Authorization", ADMIN).get("/api/notices/" + slug).then().extract().path("sources[0]");
        given().get(java.net.URI.create(document).getPath()).then().statusCode(404);
    }

    @Test
    void aStoredLinkToOurOwnCopyIgnoresTheRequestsHost() {
        given().header("Authorization", ADMIN).header("Host", "evil.example")
                .multiPart("file", "host.txt", "Dear Y, the Commission writes on 5 April 2025 about Article 35 DSA."
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
                .queryParam("publish", true)
                .post("/api/documents").then().statusCode(201)
                .body("sources[0]", startsWith("http://localhost:")).body("sources[0]", not(org.hamcrest.Matchers.containsString("evil")));
    }

    @Test
    void locationsPointAtThePublicBaseWhateverTheHost() {
        asAdmin().header("Host", "evil.example").body(NoticeWriteTest.notice("w-location", "Here.")).put("/api/notices/w-location")
                .then().statusCode(201).header("Location", startsWith("http://localhost:"))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/notices/w-location"));
        given().redirects().follow(false).header("Host", "evil.example").accept("text/html").get("/admin/review")
                .then().statusCode(303).header("Location", startsWith("http://localhost:"));
    }

    @Test
    void getCarriesTheRevisionAsETag() {
        asAdmin().body(NoticeWriteTest.notice("w-etag", "One.")).put("/api/notices/w-etag").then().statusCode(201).header("ETag", "\"1\"");
        given().get("/api/notices/w-etag").then().header("ETag", "\"1\"");
        asAdmin().header("If-Match", "*").body(NoticeWriteTest.notice("w-etag-missing", "x")).put("/api/notices/w-etag-missing")
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void theOpenApiSchemaStatesTheLimits() {
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("maxLength: 200000"))
                .body(org.hamcrest.Matchers.containsString("maxItems: 20"));
    }
}
