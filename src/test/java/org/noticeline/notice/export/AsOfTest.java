package org.noticeline.notice.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code asOf=<seq>}: the record as it stood after a change, so that an answer cited in a paper can be had again. */
@QuarkusTest
class AsOfTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    /** No other test writes notices of 1991. */
    private static final String FILTER = "platform=temu&from=1991-01-01&to=1991-12-31";

    private static Map<String, Object> notice(String slug, String title, String date) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("slug", slug);
        notice.put("title", title);
        notice.put("date", date);
        notice.put("type", "request-for-information");
        notice.put("authority", "european-commission");
        notice.put("jurisdiction", "EU");
        notice.put("platforms", List.of("temu"));
        notice.put("rules", List.of("DSA:34"));
        notice.put("sources", List.of("https://digital-strategy.ec.europa.eu/"));
        notice.put("body", "A request for information about risk assessment.");
        return notice;
    }

    private static void write(String method, String path, Object body, int status) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).request(method, path).then().statusCode(status);
    }

    private static Response csv(String query) {
        return given().get("/api/notices?" + FILTER + "&format=csv" + query).then().statusCode(200).extract().response();
    }

    @Test
    void anEarlierAnswerComesBackExactlyWhateverChangedSince() {
        write("POST", "/api/notices", notice("as-of-a", "First title of A", "1991-03-01"), 201);
        write("POST", "/api/notices", notice("as-of-b", "B as first written", "1991-04-01"), 201);
        Response then = csv("");
        long seq = Long.parseLong(then.header("Noticeline-Seq"));
        JsonPath pageThen = given().get("/api/notices?" + FILTER).then().statusCode(200).extract().jsonPath();

        // Afterwards: A revised, B withdrawn, C added.
        write("PUT", "/api/notices/as-of-a", notice("as-of-a", "Second title of A", "1991-03-01"), 200);
        write("DELETE", "/api/notices/as-of-b", Map.of("reason", "duplicate"), 200);
        write("POST", "/api/notices", notice("as-of-c", "C came later", "1991-05-01"), 201);
        assertThat(given().get("/api/notices?" + FILTER).then().extract().jsonPath().getList("items.slug")).containsExactly("as-of-c", "as-of-a");

        Response again = csv("&asOf=" + seq);
        assertThat(again.header("Noticeline-Seq")).isEqualTo(String.valueOf(seq));
        assertThat(again.asString()).isEqualTo(then.asString());
        JsonPath pageAgain = given().get("/api/notices?" + FILTER + "&asOf=" + seq).then().statusCode(200).extract().jsonPath();
        assertThat(pageAgain.getList("items")).isEqualTo(pageThen.getList("items"));
        assertThat(pageAgain.getList("items.title")).containsExactly("B as first written", "First title of A");
        // Pages of the past follow their cursor like pages of the present.
        JsonPath first = given().get("/api/notices?" + FILTER + "&asOf=" + seq + "&limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.slug")).containsExactly("as-of-b");
        given().get("/api/notices?" + FILTER + "&asOf=" + seq + "&limit=1&cursor=" + first.getString("nextCursor")).then().statusCode(200)
                .body("items.slug", equalTo(List.of("as-of-a"))).body("nextCursor", org.hamcrest.Matchers.nullValue());
        // The withdrawn B is in the past with withdrawn=true only when it was withdrawn then; now it is.
        given().get("/api/notices?" + FILTER + "&withdrawn=true").then().body("items.slug", equalTo(List.of("as-of-c", "as-of-b", "as-of-a")));
        given().get("/api/notices?" + FILTER + "&asOf=" + seq + "&format=json").then().statusCode(200).body("seq", equalTo((int) seq))
                .body("items.status", equalTo(List.of("published", "published")));
    }

    @Test
    void aPositionThatIsNotAChangeIsAProblemNamingAsOf() {
        long head = Long.parseLong(given().get("/api/notices?format=csv&platform=temu&from=1991-01-01&to=1991-01-02").header("Noticeline-Seq"));
        for (String bad : List.of(String.valueOf(head + 1000), "-1", "abc", "99999999999999999999999")) {
            given().get("/api/notices?asOf=" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("asOf"));
            given().get("/api/notices?format=csv&asOf=" + bad).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        }
        given().get("/api/notices?asOf=1&asOf=2").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }
}
