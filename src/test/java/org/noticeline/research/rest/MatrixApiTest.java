package org.noticeline.research.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The platform matrix over notices of 1982, which no other test writes; {@code from}/{@code to} narrow it to them. */
@QuarkusTest
class MatrixApiTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final String YEAR = "from=1982-01-01&to=1982-12-31";
    private static boolean written;

    private static Map<String, Object> notice(String slug, String date, String type, String jurisdiction, String authority,
                                              List<String> platforms, List<String> rules) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("slug", slug);
        notice.put("title", "Matrix " + slug);
        notice.put("date", date);
        notice.put("type", type);
        notice.put("authority", authority);
        notice.put("jurisdiction", jurisdiction);
        notice.put("platforms", platforms);
        notice.put("rules", rules);
        notice.put("sources", List.of("https://example.org/"));
        notice.put("body", "A notice.");
        return notice;
    }

    @BeforeEach
    void notices() {
        if (written) {
            return;
        }
        written = true;
        for (Map<String, Object> n : List.of(
                notice("mx-one", "1982-02-01", "fine", "EU", "european-commission", List.of("temu", "shein"), List.of("DSA:34", "DSA:35", "GDPR:5")),
                notice("mx-two", "1982-03-01", "request-for-information", "EU", "european-commission", List.of("temu"), List.of("DSA:34")),
                notice("mx-three", "1982-04-01", "fine", "UK", "ofcom", List.of("4chan"), List.of("UK-OSA:10")))) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(n).post("/api/notices").then().statusCode(201);
        }
    }

    private static JsonPath json(String query) {
        return given().get("/api/research/matrix?" + query).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void platformsByInstrumentCountEachNoticeOnceAndLinkToItsTimeline() {
        JsonPath m = json(YEAR);

        assertThat(m.getString("by")).isEqualTo("instrument");
        assertThat(m.getList("columns.key")).containsExactly("DSA", "GDPR", "UK-OSA");
        assertThat(m.getList("rows.platform")).containsExactly("temu", "shein", "4chan");
        assertThat(m.getList("rows[0].cells.count")).containsExactly(2, 1, 0);
        assertThat(m.getList("rows[1].cells.count")).containsExactly(1, 1, 0);
        String href = m.getString("rows[0].cells[0].href");
        assertThat(href).isEqualTo("/platforms/temu?rule=DSA&from=1982-01-01&to=1982-12-31");
        assertThat(given().get("/api/notices" + href.substring(href.indexOf('?')) + "&platform=temu").then().extract().jsonPath().getList("items"))
                .as("a cell opens the notices it counted").hasSize(2);
    }

    @Test
    void byArticleOfOneInstrumentAndByTypeAndFiltersNarrowTheCounts() {
        JsonPath articles = json("by=article&instrument=dsa&" + YEAR);
        assertThat(articles.getString("instrument")).isEqualTo("DSA");
        assertThat(articles.getList("columns.key")).containsExactly("DSA:34", "DSA:35");
        assertThat(articles.getString("columns[0].label")).isEqualTo("DSA:34: Risk assessment");
        assertThat(articles.getList("rows.platform")).containsExactly("temu", "shein");
        assertThat(articles.getList("rows[0].cells.count")).containsExactly(2, 1);

        JsonPath types = json("by=type&" + YEAR);
        assertThat(types.getList("columns.key")).containsExactly("fine", "request-for-information");
        assertThat(types.getString("rows.find { it.platform == 'temu' }.cells[0].href")).isEqualTo("/platforms/temu?type=fine&from=1982-01-01&to=1982-12-31");

        assertThat(json("by=type&jurisdiction=uk&" + YEAR).getList("rows.platform")).containsExactly("4chan");
        assertThat(json("platform=shein&" + YEAR).getList("rows.platform")).as("rows are the filtered platforms only").containsExactly("shein");
        assertThat(json("by=type&rule=DSA:35&" + YEAR).getList("rows.platform")).containsExactly("shein", "temu");
    }

    @Test
    void csvHasAHeaderOfColumnKeysAndNeutralisedTextCells() throws IOException {
        String csv = given().get("/api/research/matrix?format=csv&" + YEAR).then().statusCode(200).contentType("text/csv").extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();

        assertThat(records.get(0).toList()).containsExactly("platform", "name", "DSA", "GDPR", "UK-OSA");
        assertThat(records.get(1).toList()).containsExactly("temu", "Temu", "2", "1", "0");
        assertThat(records).hasSize(4);
        assertThat(given().accept("text/csv").get("/api/research/matrix?" + YEAR).then().statusCode(200).extract().contentType()).startsWith("text/csv");
        assertThat(org.noticeline.notice.export.CsvCells.safe("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        Map<String, String> bad = Map.of(
                "by=platform", "by",
                "by=article", "instrument",
                "by=article&instrument=NOPE", "instrument",
                "instrument=DSA", "instrument",
                "rule=DSA", "rule",
                "by=type&type=fine", "type",
                "format=xml", "format",
                "from=yesterday", "from",
                "platform=myspace", "platform");
        bad.forEach((query, parameter) -> given().get("/api/research/matrix?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(parameter)));
        given().accept("text/html").get("/research/matrix?by=platform").then().statusCode(400).contentType("text/html");
    }

    @Test
    void thePageIsATableWhoseCellsLinkToTimelines() {
        Document page = Jsoup.parse(given().accept("text/html").get("/research/matrix?" + YEAR).then().statusCode(200).extract().asString());

        assertThat(page.select("main h1").text()).isEqualTo("Platforms by instrument");
        assertThat(page.select("table.matrix thead th").eachText()).containsExactly("Platform", "DSA", "GDPR", "UK-OSA");
        assertThat(page.select("table.matrix tbody tr").first().select("td a").eachAttr("href"))
                .containsExactly("/platforms/temu?rule=DSA&from=1982-01-01&to=1982-12-31", "/platforms/temu?rule=GDPR&from=1982-01-01&to=1982-12-31");
        assertThat(page.select("table.matrix thead a[href=/research/matrix?by=article&instrument=DSA]")).hasSize(1);
        assertThat(page.select("a[type=text/csv]").attr("href")).isEqualTo("/api/research/matrix?by=instrument&from=1982-01-01&to=1982-12-31&format=csv");
        Document huge = Jsoup.parse(given().accept("text/html").get("/research/matrix").then().statusCode(200).extract().asString());
        assertThat(huge.select("table.matrix tbody tr").size()).isBetween(1, 50);
    }
}
