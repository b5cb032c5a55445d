package org.noticeline.subscription;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.noticeline.subscription.Fixtures.ADMIN;
import static org.noticeline.subscription.Fixtures.as;

/** {@code /api/subscriptions}: the life of a subscription, who may see it, and every bad input named. */
@QuarkusTest
class SubscriptionApiTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void aSubscriptionIsCreatedListedChangedPausedResumedAndDeleted() {
        String bearer = Fixtures.subscriber("api-life").getKey();
        JsonPath created = Fixtures.subscribe(bearer, URL, Map.of("platform", List.of("x"), "rule", List.of("DSA:34", "dsa")), null);
        String id = created.getString("id");
        assertThat(id).startsWith("sub_");
        assertThat(created.getString("channel")).isEqualTo("webhook");
        assertThat(created.getString("url")).isEqualTo(URL);
        assertThat(created.getList("filter.platform")).containsExactly("x");
        assertThat(created.getList("filter.rule")).containsExactly("DSA", "DSA:34");
        assertThat(created.getList("events")).containsExactly("notice.new");
        assertThat(created.getString("status")).isEqualTo("active");
        assertThat(created.getString("created")).isNotBlank();
        assertThat(created.getString("secret")).matches("whsec_[A-Za-z0-9+/=]{40,}");

        as(bearer).get("/api/subscriptions").then().statusCode(200).body("id", hasItem(id)).body("secret", not(hasItem(created.getString("secret"))));
        as(bearer).get("/api/subscriptions/" + id).then().statusCode(200).body("secret", nullValue());
        as(bearer).body(Map.of("events", List.of("notice.withdrawn", "notice.relinked"), "filter", Map.of("authority", "european-commission")))
                .patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("events", equalTo(List.of("notice.withdrawn", "notice.relinked")))
                .body("filter.authority", equalTo(List.of("european-commission"))).body("filter.platform", nullValue())
                .body("url", equalTo(URL));
        as(bearer).body(Map.of("url", "http://localhost:9/other")).patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("http://localhost:9/other"));
        as(bearer).post("/api/subscriptions/" + id + "/pause").then().statusCode(200).body("status", equalTo("paused"))
                .body("statusReason", containsString("paused"));
        as(bearer).post("/api/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("active"))
                .body("statusReason", nullValue());
        as(bearer).get("/api/subscriptions/" + id + "/deliveries").then().statusCode(200).body("size()", equalTo(0));
        as(bearer).delete("/api/subscriptions/" + id).then().statusCode(204);
        as(bearer).get("/api/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void othersSubscriptionsAreNotFoundAndAdminsSeeAll() {
        String alice = Fixtures.subscriber("api-alice").getKey();
        String bob = Fixtures.subscriber("api-bob").getKey();
        String id = Fixtures.subscribe(alice, URL, Map.of(), null).getString("id");
        for (String path : List.of("", "/deliveries")) {
            as(bob).get("/api/subscriptions/" + id + path).then().statusCode(404).contentType("application/problem+json");
        }
        for (String path : List.of("/pause", "/resume", "/rotate-secret", "/ping", "/deliveries/1/redeliver")) {
            as(bob).post("/api/subscriptions/" + id + path).then().statusCode(404);
        }
        as(bob).body(Map.of("url", URL)).patch("/api/subscriptions/" + id).then().statusCode(404);
        as(bob).delete("/api/subscriptions/" + id).then().statusCode(404);
        as(bob).get("/api/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        as(bob).get("/api/subscriptions?all=true").then().statusCode(200).body("id", not(hasItem(id)));
        as(ADMIN).get("/api/subscriptions?all=true").then().statusCode(200).body("id", hasItem(id));
        as(ADMIN).get("/api/subscriptions/" + id).then().statusCode(200).body("owner", containsString("api-alice"));
        as(alice).get("/api/subscriptions/" + id + "/deliveries/x").then().statusCode(404);
    }

    @Test
    void subscribingNeedsTheSubscribeScope() {
        given().get("/api/subscriptions").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer nonsense").get("/api/subscriptions").then().statusCode(401);
        String ingest = "Bearer " + as(ADMIN).body(Map.of("name", "api-ingest-" + System.nanoTime(), "scopes", List.of("ingest")))
                .post("/api/admin/tokens").then().statusCode(201).extract().path("token");
        as(ingest).get("/api/subscriptions").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("subscribe"));
        String subscriber = Fixtures.subscriber("api-scope").getKey();
        as(subscriber).body(Fixtures.notice("api-scope-notice", "x")).post("/api/notices").then().statusCode(403);
        as(subscriber).get("/api/admin/tokens").then().statusCode(403);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String bearer = Fixtures.subscriber("api-bad").getKey();
        bad(bearer, body("ftp://example.org/hook", Map.of(), null), 422, "url");
        bad(bearer, body("http://example.org/hook", Map.of(), null), 422, "url");
        bad(bearer, body("https://user:pw@example.org/hook", Map.of(), null), 422, "url");
        bad(bearer, body("not a url", Map.of(), null), 422, "url");
        bad(bearer, body(null, Map.of(), null), 422, "url");
        bad(bearer, body("https://example.org/" + "a".repeat(3000), Map.of(), null), 422, "url");
        bad(bearer, body("https://0177.0.0.1/hook", Map.of(), null), 422, "url");
        bad(bearer, body(URL, Map.of("platform", List.of("myspace")), null), 422, "filter.platform");
        bad(bearer, body(URL, Map.of("rule", List.of("DSA:9999")), null), 422, "filter.rule");
        bad(bearer, body(URL, Map.of("authority", "nobody"), null), 422, "filter.authority");
        bad(bearer, body(URL, Map.of("type", "rumour"), null), 422, "filter.type");
        bad(bearer, body(URL, Map.of("from", "yesterday"), null), 422, "filter.from");
        bad(bearer, body(URL, Map.of("from", "2025-02-01", "to", "2025-01-01"), null), 422, "filter.to");
        bad(bearer, body(URL, Map.of("colour", "red"), null), 422, "filter.colour");
        bad(bearer, body(URL, Map.of("platform", List.of(1, 2)), null), 422, "filter.platform");
        bad(bearer, body(URL, Map.of("platform", List.of("x".repeat(100_000))), null), 422, "filter.platform");
        bad(bearer, body(URL, Map.of("platform", java.util.Collections.nCopies(500, "x")), null), 422, "filter.platform");
        bad(bearer, body(URL, Map.of(), List.of("notice.exploded")), 422, "events");
        bad(bearer, body(URL, Map.of(), List.of()), 422, "events");
        Map<String, Object> email = body(URL, Map.of(), null);
        email.put("channel", "pigeon");
        bad(bearer, email, 422, "channel");
        as(bearer).body("{\"url\": ").post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json");
        as(bearer).body("{\"url\": \"" + URL + "\", \"events\": \"notice.new\"}").post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json");
        String id = Fixtures.subscribe(bearer, URL, Map.of(), null).getString("id");
        as(bearer).body(Map.of("filter", Map.of("platform", "myspace"))).patch("/api/subscriptions/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("filter.platform"));
        as(bearer).get("/api/subscriptions/" + id + "/deliveries?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(bearer).get("/api/subscriptions?all=perhaps").then().statusCode(400).body("errors[0].field", equalTo("all"));
    }

    @Test
    void theClockMovesOnlyForwardAndOnlyForAdmins() {
        String bearer = Fixtures.subscriber("api-clock").getKey();
        as(bearer).body(Map.of("advance", "PT1S")).post("/api/admin/clock").then().statusCode(403);
        as(ADMIN).body(Map.of("advance", "-PT1H")).post("/api/admin/clock").then().statusCode(422).body("errors[0].field", equalTo("advance"));
        as(ADMIN).body(Map.of("advance", "soon")).post("/api/admin/clock").then().statusCode(422);
        as(ADMIN).body(Map.of("advance", "PT0S")).post("/api/admin/clock").then().statusCode(200).body("now", not(nullValue()));
    }

    private static Map<String, Object> body(String url, Map<String, Object> filter, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("filter", filter);
        if (events != null) {
            body.put("events", events);
        }
        return body;
    }

    private static void bad(String bearer, Map<String, Object> body, int status, String field) {
        as(bearer).body(body).post("/api/subscriptions").then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
