package org.noticeline.subscription;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What subscription tests do over the API: tokens, subscriptions, notices, the clock. */
public final class Fixtures {

    public static final String ADMIN = "Bearer test-admin-secret";

    private Fixtures() {
    }

    public static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** A new token with the subscribe scope: its bearer header value and id. */
    public static Map.Entry<String, Long> subscriber(String prefix) {
        JsonPath created = as(ADMIN).body(Map.of("name", prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "scopes", List.of("subscribe")))
                .post("/api/admin/tokens").then().statusCode(201).extract().jsonPath();
        return Map.entry("Bearer " + created.getString("token"), created.getLong("id"));
    }

    public static JsonPath subscribe(String bearer, String url, Map<String, Object> filter, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "webhook");
        body.put("url", url);
        body.put("filter", filter);
        if (events != null) {
            body.put("events", events);
        }
        return as(bearer).body(body).post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> notice(String slug, String platform) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("slug", slug);
        notice.put("title", "The Commission asks " + platform + " for information");
        notice.put("date", "2025-05-20");
        notice.put("type", "request-for-information");
        notice.put("authority", "european-commission");
        notice.put("jurisdiction", "EU");
        notice.put("platforms", List.of(platform));
        notice.put("rules", List.of("DSA:34"));
        notice.put("sources", List.of("https://digital-strategy.ec.europa.eu/"));
        notice.put("body", "A request for information about risk assessment.");
        return notice;
    }

    public static void post(Map<String, Object> notice) {
        as(ADMIN).body(notice).post("/api/notices").then().statusCode(201);
    }

    public static void advance(Duration by) {
        as(ADMIN).body(Map.of("advance", by.toString())).post("/api/admin/clock").then().statusCode(200);
    }

    public static List<Map<String, Object>> deliveries(String bearer, String id) {
        return as(bearer).get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static JsonPath subscription(String bearer, String id) {
        return as(bearer).get("/api/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
    }
}
