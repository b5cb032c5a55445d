package org.noticeline.corpus;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Guards the shipped {@code notices/} corpus: CI fails on any problem in it. */
@QuarkusTest
class ShippedCorpusTest {

    @Inject
    CorpusLoader loader;

    @Test
    void shippedCorpusLoadsWithoutAnyProblemAndReloadingItChangesNothing() {
        CorpusReport report = loader.load(Path.of("notices"));

        assertThat(report.problems()).as("problems in notices/").isEmpty();
        assertThat(report.files()).isGreaterThanOrEqualTo(40);
        assertThat(report.created()).as("loaded at start-up already").isZero();
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isEqualTo(report.files());
    }

    @Test
    void corpusSpansTheYearsAndJurisdictionsItPromises() {
        List<JsonPath> notices = allNotices();
        Set<Integer> years = notices.stream().map(n -> Integer.parseInt(n.getString("date").substring(0, 4))).collect(Collectors.toSet());
        Set<String> jurisdictions = notices.stream().map(n -> n.getString("jurisdiction")).collect(Collectors.toSet());

        assertThat(notices.stream().filter(n -> !n.getString("slug").startsWith("fixture-"))).hasSizeGreaterThanOrEqualTo(40);
        assertThat(years.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(2019);
        assertThat(years.stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(2025);
        assertThat(jurisdictions).contains("EU", "UK", "US", "AU");
        assertThat(notices).allSatisfy(n -> assertThat(n.getList("sources", String.class)).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("https://")));
    }

    static List<JsonPath> allNotices() {
        List<JsonPath> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/notices").then().statusCode(200).extract().jsonPath();
            List<Object> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                all.add(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }
}
