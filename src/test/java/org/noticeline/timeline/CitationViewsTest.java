package org.noticeline.timeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citation views of rule pages and the cases of platform pages. Counted over notices of 1992-1993, which no other
 * test writes, so the page's own {@code from}/{@code to} narrow the views to exactly these.
 */
@QuarkusTest
class CitationViewsTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final String YEARS = "from=1992-01-01&to=1993-12-31";

    static Map<String, Object> notice(String slug, String date, List<String> platforms, List<String> rules, String body) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("slug", slug);
        notice.put("title", "Citation views <b>" + slug + "</b>");
        notice.put("date", date);
        notice.put("type", "request-for-information");
        notice.put("authority", "european-commission");
        notice.put("jurisdiction", "EU");
        notice.put("platforms", platforms);
        notice.put("rules", rules);
        notice.put("sources", List.of("https://digital-strategy.ec.europa.eu/"));
        notice.put("body", body);
        return notice;
    }

    private static void post(Map<String, Object> notice) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice).post("/api/notices").then().statusCode(201);
    }

    private static boolean written;

    @BeforeEach
    void notices() {
        if (written) {
            return;
        }
        written = true;
        post(notice("cv-one", "1992-03-01", List.of("temu"), List.of("DSA:34", "DSA:35"), "A request about risks."));
        post(notice("cv-two", "1992-06-01", List.of("temu", "shein"), List.of("DSA:34"),
                "The Commission also asks how researchers get data under Article 40 of the DSA."));
        post(notice("cv-three", "1993-02-01", List.of("shein"), List.of("DSA:34", "DSA:35", "GDPR:35"), "Another request."));
        post(notice("cv-other", "1993-05-01", List.of("x"), List.of("DSA:35"), "Not about risk assessment."));
        post(notice("cv-withdrawn", "1993-07-01", List.of("temu"), List.of("DSA:34"), "Withdrawn later."));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "duplicate"))
                .delete("/api/notices/cv-withdrawn").then().statusCode(200);
    }

    private static Document page(String path) {
        return Jsoup.parse(given().accept("text/html").get(path).then().statusCode(200).extract().asString());
    }

    private static List<String> ranked(Document page, String section) {
        return page.select("section." + section + " ol.ranked li").stream()
                .map(li -> li.selectFirst("a").attr("href") + " " + li.selectFirst(".count").text()).toList();
    }

    @Test
    void aProvisionPageCountsItsPublishedNoticesByYearCoCitedProvisionAndPlatform() {
        Document page = page("/rules/DSA/34?" + YEARS);

        assertThat(page.select("section.per-year table tbody tr").eachText()).containsExactly("1992 2", "1993 1");
        Element chart = page.selectFirst("section.per-year svg.year-chart");
        assertThat(chart.select("rect")).hasSize(2);
        assertThat(chart.select("rect title").eachText()).containsExactly("1992: 2 notices", "1993: 1 notice");
        assertThat(ranked(page, "co-cited")).as("curated and detected alike, the page's own left out")
                .containsExactly("/rules/DSA/35 2", "/rules/DSA/40 1", "/rules/GDPR/35 1");
        assertThat(page.select("section.co-cited li").first().text()).contains("Article 35 DSA", "Mitigation of risks");
        assertThat(ranked(page, "top-platforms")).containsExactly("/platforms/shein?rule=DSA:34 2", "/platforms/temu?rule=DSA:34 2");
        // What a platform link opens is what was counted.
        assertThat(given().get("/api/notices?platform=shein&rule=DSA:34&" + YEARS).then().extract().jsonPath().getList("items")).hasSize(2);
    }

    @Test
    void anInstrumentPageCountsEveryProvisionOfItAndCoCitesOtherInstruments() {
        Document page = page("/rules/DSA?" + YEARS);

        assertThat(page.select("section.per-year table tbody tr").eachText()).containsExactly("1992 2", "1993 2");
        assertThat(ranked(page, "co-cited")).containsExactly("/rules/GDPR/35 1");
        assertThat(ranked(page, "top-platforms")).containsExactly("/platforms/shein?rule=DSA 2", "/platforms/temu?rule=DSA 2",
                "/platforms/x?rule=DSA 1");
        assertThat(page.select("section.related a").eachAttr("href")).contains("/rules/UK-OSA/12").noneMatch(h -> h.startsWith("/rules/DSA/"));
    }

    @Test
    void aProvisionPageListsTheCuratedRelatedProvisionsElsewhere() {
        Document page = page("/rules/DSA/28");
        Element related = page.selectFirst("section.related");

        assertThat(related.select("h2").text()).isEqualTo("Related provisions elsewhere");
        assertThat(related.select("h3").eachText()).contains("Protection of minors online");
        assertThat(related.select("a").eachAttr("href")).contains("/rules/UK-OSA/12", "/rules/AU-OSA/45", "/rules/AVMSD/28b")
                .doesNotContain("/rules/DSA/28");
        assertThat(related.select("li").eachText()).anyMatch(t -> t.startsWith("Section 12 UK-OSA Safety duties protecting children"));
        assertThat(page("/rules/DSA/57").select("section.related")).as("a provision in no group").isEmpty();
    }

    @Test
    void emptyViewsSaySoAndTheListsStayBounded() {
        Document none = page("/rules/DSA/34?from=1979-01-01&to=1979-12-31");
        assertThat(none.select("section.per-year").text()).contains("No notices.");
        assertThat(none.select("section.per-year svg")).isEmpty();

        Document all = page("/rules/DSA");
        assertThat(all.select("section.co-cited ol.ranked li").size()).isBetween(1, 10);
        assertThat(all.select("section.top-platforms ol.ranked li").size()).isBetween(1, 10);
    }

    @Test
    void aPlatformPageShowsItsDesignationsInDateOrderAndEachCaseWithItsLastStep() {
        Document facebook = page("/platforms/facebook");
        assertThat(facebook.select("ol.designations li").eachText())
                .containsExactly("25 April 2023: VLOP under the DSA", "6 September 2023: core platform service under the DMA");

        Document x = page("/platforms/x");
        Element row = x.select("table.proceedings tbody tr").stream()
                .filter(tr -> tr.selectFirst("a[href=/proceedings/ec-dsa-x]") != null).findFirst().orElseThrow();
        List<Map<String, Object>> notices = given().get("/api/proceedings/ec-dsa-x").then().statusCode(200).extract().jsonPath().getList("notices");
        String newest = notices.stream().map(n -> (String) n.get("date")).max(String::compareTo).orElseThrow();
        assertThat(row.selectFirst("td.status").text()).isEqualTo("open");
        assertThat(row.selectFirst("td.last-step time").attr("datetime")).isEqualTo(newest);
        String lastSlug = row.selectFirst("td.last-step a").attr("href").replace("/notices/", "");
        assertThat(notices).anySatisfy(n -> {
            assertThat(n.get("slug")).isEqualTo(lastSlug);
            assertThat(n.get("date")).isEqualTo(newest);
        });
        assertThat(x.select("table.proceedings a[href^=/proceedings/]").eachAttr("href"))
                .containsAll(given().get("/api/proceedings").then().extract().jsonPath()
                        .<String>getList("findAll { it.platforms.contains('x') }.id").stream().map(id -> "/proceedings/" + id).toList());
    }
}
