package org.noticeline.search;

import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.noticeline.harness.ServiceProcesses;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Asking /api/search and, to judge it, the timeline API. */
@SuppressWarnings("unchecked")
public final class SearchTesting {

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private SearchTesting() {
    }

    /** The index is built in the background after start-up: wait for it rather than for a fixed time. */
    public static void awaitReady() {
        long end = System.nanoTime() + 60_000_000_000L;
        while (given().queryParam("q", "").get("/api/search").statusCode() == 503) {
            assertThat(System.nanoTime()).as("the index is ready within a minute").isLessThan(end);
            ServiceProcesses.sleep(100);
        }
    }

    public static void within2s(BooleanSupplier condition) {
        long end = System.nanoTime() + 2_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 2 seconds").isLessThan(end);
            ServiceProcesses.sleep(25);
        }
    }

    public static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/search").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** Every hit, page by page. */
    public static List<Map<String, Object>> walk(Map<String, ?> params, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = new HashMap<>(params);
            page.put("limit", limit);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonPath answer = search(page);
            List<Map<String, Object>> items = answer.getList("items");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            all.addAll(items);
            cursor = answer.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    public static Set<String> slugs(Map<String, ?> params) {
        return slugSet(walk(params, 200));
    }

    public static List<Map<String, Object>> timeline(Map<String, ?> filter) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(filter).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/notices").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    public static Set<String> slugSet(List<Map<String, Object>> items) {
        return items.stream().map(n -> (String) n.get("slug")).collect(Collectors.toCollection(HashSet::new));
    }

    /** A notice's title, summary and body, lower-cased, as the notice API gives them. */
    public static String text(String slug) {
        return TEXTS.computeIfAbsent(slug, s -> {
            JsonPath notice = given().get("/api/notices/" + s).then().statusCode(200).extract().jsonPath();
            return (notice.getString("title") + "\n" + notice.getString("summary") + "\n" + notice.getString("body")).toLowerCase(Locale.ROOT);
        });
    }

    /** A connection of its own to the test database, as another replica has. */
    public static Connection otherConnection() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
