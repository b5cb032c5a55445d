package org.noticeline.notice.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports of {@code /api/notices}, each read back by a parser that is not ours: Jackson's CSV module, Jackson for JSON,
 * citeproc-java for CSL-JSON, JBibTeX for BibTeX. The whole result, whatever {@code limit} and {@code cursor} say.
 */
@QuarkusTest
class ExportTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "zalando";
    /** No other test writes notices of 1990, so the expected result is known exactly. */
    private static final String FILTER = "platform=" + PLATFORM + "&from=1990-01-01&to=1990-12-31";
    private static final String HOSTILE_TITLE = "=HYPERLINK(\"http://evil.example\",\"click\") {unbalanced} 100% & $x_1 #2 ^ ~ \\end";

    private static final Set<String> slugs = new LinkedHashSet<>();

    /** Written once, before the first test (a static {@code @BeforeAll} runs before RestAssured knows the port). */
    @BeforeEach
    void notices() {
        if (!slugs.isEmpty()) {
            return;
        }
        for (int i = 0; i < 7; i++) {
            Map<String, Object> notice = new HashMap<>();
            String slug = "export-test-" + i;
            notice.put("slug", slug);
            notice.put("title", i == 0 ? HOSTILE_TITLE : "The Commission asks Zalando for information, part " + i);
            notice.put("summary", i == 0 ? "+1 then -1, @cmd" : "A summary, with a comma; and \"quotes\"\nand a second line.");
            notice.put("date", "1990-0" + (1 + i) + "-1" + i);
            notice.put("type", i == 1 ? "judgment" : "request-for-information");
            notice.put("authority", "european-commission");
            notice.put("jurisdiction", "EU");
            notice.put("platforms", List.of(PLATFORM));
            notice.put("rules", List.of("DSA:34", "DSA:35"));
            notice.put("sources", List.of("https://digital-strategy.ec.europa.eu/en/news/" + i));
            notice.put("body", "A request for information about risk assessment.");
            int status = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice).post("/api/notices").statusCode();
            assertThat(status).isIn(200, 201);
            slugs.add(slug);
        }
    }

    /** The slugs of the filter as the paged list gives them, every page followed. */
    private static List<String> paged(String filter) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("limit", 2).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/notices?" + filter).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.slug"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static Response export(String query) {
        return given().get("/api/notices?" + query).then().statusCode(200).extract().response();
    }

    @Test
    void csvHasEveryNoticeOfTheFilterInRfc4180WithFormulasNeutralised() throws Exception {
        Response csv = export(FILTER + "&format=csv&limit=1&cursor=whatever");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        assertThat(csv.header("ETag")).isNull();
        long seq = Long.parseLong(csv.header("Noticeline-Seq"));
        assertThat(csv.header("Content-Disposition")).contains("noticeline-notices-at-" + seq + ".csv");

        CsvMapper mapper = new CsvMapper();
        MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.asString());
        List<Map<String, String>> all = rows.readAll();
        assertThat(all).extracting(r -> r.get("slug")).containsExactlyElementsOf(paged(FILTER));
        assertThat(all).extracting(r -> r.get("slug")).containsExactlyInAnyOrderElementsOf(slugs);
        Map<String, String> hostile = all.stream().filter(r -> r.get("slug").equals("export-test-0")).findFirst().orElseThrow();
        assertThat(hostile.get("title")).isEqualTo("'" + HOSTILE_TITLE);
        assertThat(hostile.get("summary")).isEqualTo("'+1 then -1, @cmd");
        Map<String, String> plain = all.stream().filter(r -> r.get("slug").equals("export-test-3")).findFirst().orElseThrow();
        assertThat(plain.get("summary")).isEqualTo("A summary, with a comma; and \"quotes\"\nand a second line.");
        assertThat(plain.get("rules")).isEqualTo("DSA:34 | DSA:35");
        assertThat(plain.get("authorityName")).isEqualTo("European Commission");
        assertThat(plain.get("url")).endsWith("/notices/export-test-3");
        assertThat(plain.get("date")).isEqualTo("1990-04-13");
    }

    @Test
    void acceptAloneAsksForAnExportAndPlainJsonKeepsThePagedList() {
        Response csv = given().accept("text/csv").get("/api/notices?" + FILTER).then().statusCode(200).extract().response();
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString().lines().count()).isGreaterThan(slugs.size());
        given().accept(ContentType.JSON).queryParam("limit", 2).get("/api/notices?" + FILTER).then().statusCode(200)
                .contentType(ContentType.JSON).body("items.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void jsonAndJsonLinesHoldEveryNoticeAndSayTheirPosition() throws Exception {
        Response json = export(FILTER + "&format=json");
        JsonNode doc = JSON.readTree(json.asString());
        assertThat(doc.get("seq").asLong()).isEqualTo(Long.parseLong(json.header("Noticeline-Seq"))).isPositive();
        assertThat(doc.get("query").asText()).contains("format=json");
        List<String> fromJson = new ArrayList<>();
        doc.get("items").forEach(item -> fromJson.add(item.get("slug").asText()));
        assertThat(fromJson).containsExactlyElementsOf(paged(FILTER));

        Response lines = given().accept("application/x-ndjson").get("/api/notices?" + FILTER).then().statusCode(200).extract().response();
        assertThat(lines.contentType()).startsWith("application/x-ndjson");
        List<String> fromLines = new ArrayList<>();
        for (String line : lines.asString().split("\n")) {
            JsonNode item = JSON.readTree(line);
            fromLines.add(item.get("slug").asText());
            assertThat(item.get("platforms").get(0).asText()).isEqualTo(PLATFORM);
        }
        assertThat(fromLines).isEqualTo(fromJson);
    }

    @Test
    void cslJsonIsReadByCiteprocWithTheAuthorityAsAuthor() throws Exception {
        Response csl = export(FILTER + "&format=csl-json");
        assertThat(csl.contentType()).startsWith("application/vnd.citationstyles.csl+json");
        List<Map<String, Object>> items = JSON.readValue(csl.asString(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(items).hasSize(slugs.size());
        Map<String, CSLItemData> byId = new HashMap<>();
        for (Map<String, Object> raw : items) {
            CSLItemData item = CSLItemData.fromJson(raw);
            byId.put(item.getId(), item);
        }
        CSLItemData judgment = byId.get("export-test-1");
        assertThat(judgment.getType()).isEqualTo(CSLType.LEGAL_CASE);
        assertThat(judgment.getAuthor()[0].getLiteral()).isEqualTo("European Commission");
        assertThat(judgment.getIssued().getDateParts()[0]).containsExactly(1990, 2, 11);
        assertThat(judgment.getURL()).endsWith("/notices/export-test-1");
        assertThat(judgment.getNote()).contains("as of change " + csl.header("Noticeline-Seq"));
        assertThat(byId.get("export-test-2").getType()).isEqualTo(CSLType.DOCUMENT);
        assertThat(byId.get("export-test-0").getTitle()).isEqualTo(HOSTILE_TITLE);
    }

    @Test
    void bibtexIsReadByJbibtexWhateverTheTitleHolds() throws Exception {
        Response bib = export(FILTER + "&format=bibtex");
        assertThat(bib.contentType()).startsWith("application/x-bibtex");
        BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib.asString()));
        Map<Key, BibTeXEntry> entries = database.getEntries();
        assertThat(entries.keySet()).extracting(Key::getValue).containsExactlyInAnyOrderElementsOf(slugs);
        BibTeXEntry hostile = entries.get(new Key("export-test-0"));
        assertThat(hostile.getType().getValue()).isEqualToIgnoringCase("misc");
        assertThat(hostile.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).isEqualTo("{European Commission}");
        String title = hostile.getField(BibTeXEntry.KEY_TITLE).toUserString();
        // Every character TeX would read as a command is escaped, and the braces stay balanced.
        assertThat(title).contains("\\textbraceleft{}unbalanced\\textbraceright{}", "100\\%", "\\&", "\\$x\\_1", "\\#2", "\\^{}", "\\~{}",
                "\\textbackslash{}end");
        assertThat(hostile.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo("1990");
        assertThat(hostile.getField(BibTeXEntry.KEY_URL).toUserString()).endsWith("/notices/export-test-0");
    }

    @Test
    void aSearchExportsEveryHitInItsOrder() throws Exception {
        String query = "q=Zalando&" + FILTER + "&sort=date";
        // The index follows the change log: wait until it has the notices written above.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        int total = -1;
        while (System.nanoTime() < deadline) {
            Response page = given().get("/api/search?" + query + "&limit=2");
            total = page.statusCode() == 200 ? page.jsonPath().getInt("total") : -1;
            if (total == slugs.size() - 1) {
                break;
            }
            Thread.sleep(200);
        }
        // Every notice but the hostile one names Zalando.
        assertThat(total).isEqualTo(slugs.size() - 1);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor)).get("/api/search?" + query + "&limit=2")
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.slug"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        Response csv = given().get("/api/search?" + query + "&format=csv&limit=1").then().statusCode(200).extract().response();
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        assertThat(csv.header("Content-Disposition")).contains("noticeline-search-at-" + csv.header("Noticeline-Seq") + ".csv");
        List<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.asString()).readAll();
        assertThat(rows).extracting(r -> r.get("slug")).containsExactlyElementsOf(paged);
        Response bib = given().accept("application/x-bibtex").get("/api/search?" + query).then().statusCode(200).extract().response();
        assertThat(new BibTeXParser().parse(new StringReader(bib.asString())).getEntries()).hasSize(paged.size());
        given().get("/api/search?q=platform:myspace&format=csv").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("q"));
    }

    @Test
    void anUnknownOrRepeatedFormatIsAProblemNamingIt() {
        for (String query : List.of("format=xml", "format=csv&format=json")) {
            given().get("/api/notices?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
        }
        // The filter is still checked: an export of an unknown platform is the same 400 as a page of it.
        given().get("/api/notices?format=csv&platform=myspace").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("platform"));
    }
}
