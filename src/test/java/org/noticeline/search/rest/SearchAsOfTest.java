package org.noticeline.search.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeline.changelog.ChangeLog;
import org.noticeline.notice.rest.NoticeWriteTest;
import org.noticeline.search.SearchTesting;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code asOf=<seq>} on {@code /api/search}: the same query answered on the record as it stood after that change (its
 * texts, its links, its hits and facets), after the record has moved on; and an export of it says that position.
 */
@QuarkusTest
class SearchAsOfTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN = "Bearer test-admin-secret";

    @Inject
    ChangeLog log;

    @BeforeEach
    void ready() {
        SearchTesting.awaitReady();
    }

    private static void write(String slug, String body, String platform, boolean create) {
        Map<String, Object> notice = NoticeWriteTest.notice(slug, body);
        notice.put("date", "1998-02-1" + (create ? "1" : "2"));
        notice.put("platforms", List.of(platform));
        var request = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice);
        if (create) {
            request.post("/api/notices").then().statusCode(201);
        } else {
            request.put("/api/notices/" + slug).then().statusCode(200);
        }
    }

    private static JsonPath search(String q, Long asOf) {
        var request = given().queryParam("q", q);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        return request.get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSearchAsOfAPositionGivesTheAnswerOfThatMomentAfterTheRecordHasMovedOn() throws Exception {
        String before = "oldword" + RUN;
        String after = "newword" + RUN;
        String first = "asof-" + RUN + "-first";
        String second = "asof-" + RUN + "-second";
        write(first, "The notice said " + before + " at first.", "4chan", true);
        SearchTesting.within2s(() -> search(before, null).getInt("total") == 1);
        long then = log.head();
        JsonPath answeredThen = search(before, null);

        write(first, "Corrected: it says " + after + " now.", "x", false);
        write(second, "Another notice that says " + before + ".", "tiktok", true);
        SearchTesting.within2s(() -> search(after, null).getInt("total") == 1 && List.of(second).equals(search(before, null).getList("items.slug")));

        JsonPath again = search(before, then);
        assertThat(again.getInt("total")).isEqualTo(1);
        assertThat(again.getString("items[0].slug")).isEqualTo(first);
        assertThat(again.getList("items[0].platforms")).containsExactly("4chan");
        assertThat(again.getList("items.slug")).isEqualTo(answeredThen.getList("items.slug"));
        assertThat(again.getList("items[0].snippets").toString()).contains("<mark>" + before + "</mark>");
        assertThat(again.getList("facets.platform.value")).containsExactly("4chan");
        assertThat(search(after, then).getInt("total")).isZero();

        String csv = given().queryParam("q", before).queryParam("asOf", then).queryParam("format", "csv").get("/api/search")
                .then().statusCode(200).header("Noticeline-Seq", Long.toString(then)).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("slug")).containsExactly(first);
    }

    @Test
    void aPositionTheRecordCannotBeGivenAtIsA400NamingAsOf() {
        long head = log.head();
        given().queryParam("q", "x").queryParam("asOf", head + 1000).get("/api/search").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().queryParam("q", "x").queryParam("asOf", "yesterday").get("/api/search").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().queryParam("q", "x").queryParam("asOf", "-1").get("/api/search").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }
}
