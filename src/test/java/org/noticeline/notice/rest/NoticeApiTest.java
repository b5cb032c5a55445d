package org.noticeline.notice.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@SuppressWarnings("unchecked")
class NoticeApiTest {

    /** Every published notice, walking the cursor with the given page size. */
    private static List<Map<String, Object>> walk(int limit, Map<String, ?> filters) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/notices").then().statusCode(200).contentType("application/json").extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            all.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Test
    void listsNoticesNewestFirstWithTheContractFields() {
        List<Map<String, Object>> all = walk(200, Map.of());

        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.get(0)).containsKeys("slug", "title", "date", "type", "authority", "jurisdiction", "platforms", "rules",
                "proceeding", "sources");
        for (int i = 1; i < all.size(); i++) {
            assertThat(LocalDate.parse((String) all.get(i).get("date")))
                    .isBeforeOrEqualTo(LocalDate.parse((String) all.get(i - 1).get("date")));
        }
    }

    @Test
    void cursorPaginationVisitsEveryNoticeExactlyOnce() {
        List<String> whole = walk(200, Map.of()).stream().map(n -> (String) n.get("slug")).toList();
        List<String> paged = walk(7, Map.of()).stream().map(n -> (String) n.get("slug")).toList();

        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(new HashSet<>(paged)).hasSize(paged.size());
    }

    @Test
    void platformFilterKeepsExactlyTheNoticesConcerningThePlatform() {
        List<Map<String, Object>> all = walk(200, Map.of());
        List<Map<String, Object>> x = walk(5, Map.of("platform", "x"));

        assertThat(x).isNotEmpty();
        assertThat(x).allSatisfy(n -> assertThat((List<String>) n.get("platforms")).contains("x"));
        assertThat(x).hasSize((int) all.stream().filter(n -> ((List<?>) n.get("platforms")).contains("x")).count());
    }

    @Test
    void ruleFilterTakesARuleKeyOrAnInstrument() {
        List<Map<String, Object>> article = walk(200, Map.of("rule", "DSA:34"));
        List<Map<String, Object>> instrument = walk(200, Map.of("rule", "DSA"));

        assertThat(article).isNotEmpty().allSatisfy(n -> assertThat((List<String>) n.get("rules")).contains("DSA:34"));
        assertThat(instrument).hasSizeGreaterThan(article.size())
                .allSatisfy(n -> assertThat((List<String>) n.get("rules")).anyMatch(r -> r.startsWith("DSA:")));
    }

    @Test
    void filtersCombine() {
        List<Map<String, Object>> combined = walk(200, Map.of("authority", "european-commission", "type", "fine",
                "jurisdiction", "EU", "from", "2024-01-01", "to", "2026-12-31"));

        assertThat(combined).isNotEmpty().allSatisfy(n -> {
            assertThat(n.get("authority")).isEqualTo("european-commission");
            assertThat(n.get("type")).isEqualTo("fine");
            assertThat(n.get("jurisdiction")).isEqualTo("EU");
            assertThat(LocalDate.parse((String) n.get("date"))).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        });
    }

    @Test
    void repeatedValuesOfOneFilterAreAlternatives() {
        int x = walk(200, Map.of("platform", "x")).size();
        int tiktok = walk(200, Map.of("platform", "tiktok")).size();
        int both = walk(200, Map.of("platform", "x,tiktok")).size();

        assertThat(both).isGreaterThanOrEqualTo(Math.max(x, tiktok)).isLessThanOrEqualTo(x + tiktok);
    }

    @ParameterizedTest
    @CsvSource({
            "from, yesterday",
            "to, 2024-13-01",
            "limit, 0",
            "limit, lots",
            "platform, myspace",
            "rule, DSA:999",
            "rule, NOPE",
            "type, opening",
            "authority, nobody",
            "cursor, not-a-cursor",
            "withdrawn, maybe"
    })
    void badFilterIsA400ProblemNamingTheParameter(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/notices").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(parameter))
                .body("detail", org.hamcrest.Matchers.containsString(parameter));
    }

    @Test
    void unknownNoticeIsA404Problem() {
        given().get("/api/notices/no-such-notice").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("no notice 'no-such-notice'"));
    }

    @Test
    void oneNoticeHasItsBodyLinksAndRevisions() {
        String slug = (String) walk(200, Map.of("platform", "x", "rule", "DSA")).get(0).get("slug");

        given().get("/api/notices/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("body.length()", org.hamcrest.Matchers.greaterThan(50))
                .body("links.rules.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("links.rules[0].origin", notNullValue())
                .body("revisions[0].number", equalTo(1))
                .body("revisions[0].changedBy", equalTo("corpus"));
    }
}
