package org.noticeline.timeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Above {@value TimelineOverview#MARKS} notices the overview counts by period instead of drawing each: written here
 * as Ofcom notices on two platforms, in years no other test uses (1984 to 1988).
 */
@QuarkusTest
class TimelineOverviewTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final String RANGE = "from=1984-01-01&to=1988-12-31";

    @Test
    void aDenseTimelineIsCountedByPeriodWithLinksToEachPeriod() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> notices = new ArrayList<>();
        for (int i = 0; i < TimelineOverview.MARKS + 60; i++) {
            Map<String, Object> notice = NoticeWriteTest.notice("overview-" + run + "-" + i, "A notice among many, number " + i + ".");
            notice.put("date", String.format("%d-%02d-%02d", 1984 + i % 5, 1 + i % 12, 1 + i % 28));
            notice.put("platforms", List.of(i % 6 == 0 ? "linkedin" : "pinterest"));
            notices.add(notice);
        }
        for (Map<String, Object> notice : notices) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice).post("/api/notices").then().statusCode(201);
        }

        Document dense = Jsoup.parse(given().accept("text/html").get("/authorities/ofcom?" + RANGE).asString());
        Element svg = dense.selectFirst("svg.timeline-svg");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("aria-label")).startsWith("Timeline of " + notices.size() + " notices, counted by");
        List<Element> marks = svg.select("a > circle.mark");
        assertThat(marks).isNotEmpty().hasSizeLessThan(notices.size());
        long counted = marks.stream().mapToLong(m -> Long.parseLong(m.selectFirst("title").text().replaceAll(".* · (\\d+) notices?$", "$1"))).sum();
        assertThat(counted).as("every notice counted once in its platform's lane").isEqualTo(notices.size());
        String period = svg.select("a").stream().map(a -> a.attr("href")).filter(h -> h.startsWith("/authorities/ofcom?")).findFirst().orElseThrow();
        assertThat(given().get(period).statusCode()).isEqualTo(200);
        assertThat(dense.select("figure.overview figcaption").text()).contains("Each mark counts the notices");
        // The pages of an authority and of a platform read their counts from the tally; with a jurisdiction (every
        // Ofcom notice's) they count the same notices over the record: the drawings are the same, links aside.
        assertThat(drawn("/authorities/ofcom?" + RANGE + "&jurisdiction=UK")).isEqualTo(drawn(dense));
        assertThat(drawn("/platforms/pinterest?" + RANGE)).contains("counted by")
                .isEqualTo(drawn("/platforms/pinterest?" + RANGE + "&jurisdiction=UK"));

        Document sparse = Jsoup.parse(given().accept("text/html").get("/platforms/linkedin?from=1984-01-01&to=1984-12-31").asString());
        assertThat(sparse.select("svg.timeline-svg a > circle.mark")).as("a few notices, drawn one by one").isNotEmpty()
                .allSatisfy(m -> assertThat(m.parent().attr("href")).startsWith("/notices/"));
    }

    private static String drawn(String path) {
        return drawn(Jsoup.parse(given().accept("text/html").get(path).asString()));
    }

    /** The overview's marks and lanes without their links. */
    private static String drawn(Document page) {
        Element svg = page.selectFirst("svg.timeline-svg").clone();
        svg.select("a").forEach(a -> a.removeAttr("href"));
        return svg.outerHtml();
    }
}
