package org.noticeline.search.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeline.search.SearchTesting;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The /search page: the header box on every page, hits with marked snippets, facet links that narrow, permalinks. */
@QuarkusTest
class SearchPageTest {

    @BeforeEach
    void ready() {
        SearchTesting.awaitReady();
    }

    private static Document page(String pathAndQuery, int status) {
        return Jsoup.parse(given().urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(status).contentType("text/html").extract().asString());
    }

    @Test
    void everyPageHeaderHasASearchBox() {
        for (String path : new String[]{"/", "/platforms", "/rules/DSA", "/search"}) {
            Element form = page(path, 200).selectFirst("header.site form[role=search]");
            assertThat(form).as(path).isNotNull();
            assertThat(form.attr("action")).isEqualTo("/search");
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.selectFirst("input[name=q]")).isNotNull();
        }
    }

    @Test
    void hitsSnippetsAndFacetLinksThatNarrowTheQuery() {
        String q = "rule:DSA \"data access\"";
        Document doc = page("/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), 200);

        assertThat(doc.selectFirst("form.search-page input[name=q]").attr("value")).isEqualTo(q);
        int total = SearchTesting.search(Map.of("q", q)).getInt("total");
        assertThat(doc.select("ol.notices > li")).hasSize(Math.min(total, 50));
        assertThat(doc.select("p.snippet mark")).isNotEmpty().allSatisfy(m -> assertThat(m.text().toLowerCase()).matches("data\\W+access"));

        Element xLink = doc.select("aside.facets a").stream().filter(a -> a.text().equals("x")).findFirst().orElseThrow();
        String narrowedQuery = java.net.URLDecoder.decode(URI.create(xLink.attr("href")).getRawQuery(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(narrowedQuery).isEqualTo("q=" + q + " platform:x");
        Document narrowed = page(xLink.attr("href"), 200);
        int narrowedTotal = SearchTesting.search(Map.of("q", q + " platform:x")).getInt("total");
        assertThat(narrowed.select("ol.notices > li")).hasSize(narrowedTotal);
        assertThat(narrowed.selectFirst("form.search-page input[name=q]").attr("value")).isEqualTo(q + " platform:x");
        assertThat(Integer.parseInt(xLink.parent().selectFirst(".count").text())).isEqualTo(narrowedTotal);
    }

    @Test
    void aMalformedQueryIsShownWithWhereItWentWrongAndTheQueryIsEscaped() {
        Document doc = page("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%22data", 400);

        assertThat(doc.selectFirst("[role=alert]").text()).contains("quote").contains("at character");
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.selectFirst("form.search-page input[name=q]").attr("value")).isEqualTo("<script>alert(1)</script> \"data");
    }

    @Test
    void aQueryWithMarkupIsEscapedEverywhere() {
        String html = given().queryParam("q", "<img src=x onerror=alert(1)> data").get("/search").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<img src=x");
        assertThat(Jsoup.parse(html).select("img")).isEmpty();
    }
}
