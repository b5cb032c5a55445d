package org.noticeline.linking.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ExtractApiTest {

    @Test
    void answersTheContractOnTextNobodyCurated() {
        String text = "On 12 August 2024 the European Commission wrote to X (formerly Twitter) about Article 34(1) DSA.";

        JsonPath json = given().contentType("text/plain; charset=UTF-8").body(text).post("/api/extract").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        Map<String, Object> rule = json.getMap("rules[0]");
        assertThat(rule).containsEntry("key", "DSA:34").containsEntry("instrument", "DSA").containsEntry("article", "34")
                .containsEntry("paragraph", "1").containsEntry("point", null);
        assertThat(text.substring(json.getInt("rules[0].start"), json.getInt("rules[0].end"))).isEqualTo(json.getString("rules[0].text"));
        assertThat(json.getString("platforms[0].id")).isEqualTo("x");
        assertThat(json.getString("platforms[0].name")).isEqualTo("X");
        assertThat(text.substring(json.getInt("platforms[0].start"), json.getInt("platforms[0].end"))).isEqualTo(json.getString("platforms[0].text"));
        assertThat(json.getString("authorities[0].id")).isEqualTo("european-commission");
        assertThat(json.getString("dates[0].date")).isEqualTo("2024-08-12");
        assertThat(json.getList("unresolved")).isEmpty();
    }

    @Test
    void textOverOneMebibyteIsA413Problem() {
        given().contentType("text/plain").body("a".repeat(1024 * 1024 + 1)).post("/api/extract").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void readsTheTextInTheJurisdictionOrAuthorityGiven() {
        String text = "The regulator acted under the Online Safety Act. Section 109 allows removal notices.";
        JsonPath plain = given().contentType("text/plain").body(text).post("/api/extract").then().statusCode(200).extract().jsonPath();
        assertThat(plain.getList("rules")).isEmpty();

        JsonPath australian = given().contentType("text/plain").queryParam("jurisdiction", "AU").body(text)
                .post("/api/extract").then().statusCode(200).extract().jsonPath();
        assertThat(australian.getList("rules.key")).containsExactly("AU-OSA:109");
        assertThat(australian.getString("rules[0].resolvedBy")).isEqualTo("document");

        JsonPath british = given().contentType("text/plain").queryParam("authority", "ofcom").body(text)
                .post("/api/extract").then().statusCode(200).extract().jsonPath();
        assertThat(british.getList("rules.key")).containsExactly("UK-OSA:109");
    }

    @Test
    void saysHowEachRuleWasResolved() {
        String text = "This notice is given under the Online Safety Act 2023 (the \"Act\"). Section 102 of the Act applies. "
                + "Section 130 OSA 2023 applies too.";
        JsonPath json = given().contentType("text/plain").body(text).post("/api/extract").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("rules.resolvedBy")).containsExactly("definition", "sentence");
    }

    @Test
    void rejectsAnUnknownAuthorityOrAMalformedJurisdiction() {
        given().contentType("text/plain").queryParam("authority", "no-such-regulator").body("Article 34 DSA")
                .post("/api/extract").then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").queryParam("jurisdiction", "united kingdom").body("Article 34 DSA")
                .post("/api/extract").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void noticePageHighlightsCitationsAndPlatformsAsLinks() {
        Document page = Jsoup.parse(given().get("/notices/2023-12-18-ec-opens-dsa-proceedings-x").then().statusCode(200).extract().asString());

        assertThat(page.select("section.body a.cite-rule").eachAttr("href")).contains("/rules/DSA/34", "/rules/DSA/35", "/rules/DSA/40");
        assertThat(page.select("section.body a.cite-platform").eachAttr("href")).contains("/platforms/x");
        assertThat(page.select("section.body a.cite-rule[href=/rules/DSA/34]").first().attr("title")).contains("Risk assessment");
    }

    @Test
    void noticePageReadsACitationInTheInstrumentThePageIsAbout() {
        // "Opening proceedings under Article 66 does not prejudge the outcome": the sentence names no instrument, the page the DSA
        Document page = Jsoup.parse(given().get("/notices/2023-12-18-ec-opens-dsa-proceedings-x").then().statusCode(200).extract().asString());

        assertThat(page.select("section.body a.cite-rule").eachAttr("href")).contains("/rules/DSA/66");
        assertThat(page.select("section.body mark.cite-unresolved").eachText()).doesNotContain("Article 66");
    }

    @Test
    void detectedLinksAreStoredAndShownOnRulePages() {
        JsonPath notice = given().get("/api/notices/2023-12-18-ec-opens-dsa-proceedings-x").then().extract().jsonPath();
        assertThat(notice.getList("links.rules.findAll { it.origin == 'curated' }.key")).contains("DSA:34");
        assertThat(notice.getString("links.rules.find { it.key == 'DSA:34' }.text")).isNotBlank();

        String detectedKey = given().queryParam("limit", 200).get("/api/notices").then().extract().jsonPath()
                .getList("items.slug", String.class).stream()
                .flatMap(slug -> given().get("/api/notices/" + slug).then().extract().jsonPath()
                        .getList("links.rules.findAll { it.origin == 'detected' }.key", String.class).stream())
                .findFirst().orElseThrow();
        String[] parts = detectedKey.split(":");
        given().queryParam("rule", detectedKey).get("/api/notices").then().body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        assertThat(Jsoup.parse(given().get("/rules/" + parts[0] + "/" + parts[1]).then().statusCode(200).extract().asString())
                .select("ol.notices li")).isNotEmpty();
    }
}
