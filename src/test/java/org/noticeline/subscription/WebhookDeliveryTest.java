package org.noticeline.subscription;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.subscription.Fixtures.ADMIN;
import static org.noticeline.subscription.Fixtures.as;

/**
 * Webhooks end to end: notices written through the API reach a real receiver on loopback, signed as Standard Webhooks
 * says (checked by {@link SpecVerifier}, written from the spec), retried on the schedule as the clock moves.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static WebhookReceiver receiver;

    @Inject
    SubscriptionWorker worker;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private static java.util.function.Predicate<WebhookReceiver.Received> about(String slug) {
        return r -> r.body().contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void aMatchingNoticeArrivesOnceSignedAndAnotherDoesNot() throws InterruptedException {
        String bearer = Fixtures.subscriber("wh-match").getKey();
        JsonPath sub = Fixtures.subscribe(bearer, receiver.url("/match"), Map.of("platform", List.of("zalando"), "rule", List.of("DSA:34")),
                List.of("notice.new", "notice.revised"));
        String secret = sub.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);

        Fixtures.post(Fixtures.notice("wh-match-zalando", "zalando"));
        Fixtures.post(Fixtures.notice("wh-match-temu", "temu"));
        WebhookReceiver.Received got = receiver.await("/match", about("wh-match-zalando"), 1, WAIT).get(0);
        worker.round();
        Thread.sleep(700);
        assertThat(receiver.received("/match", about("wh-match-zalando"))).hasSize(1);
        assertThat(receiver.received("/match", about("wh-match-temu"))).isEmpty();

        assertThat(got.header("content-type")).startsWith("application/json");
        assertThat(got.header("webhook-id")).startsWith("msg_");
        assertThat(Long.parseLong(got.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(SpecVerifier.verifies(secret, got)).isTrue();
        assertThat(SpecVerifier.verifies(secret, new WebhookReceiver.Received(got.path(), got.headers(), got.body() + " "))).isFalse();
        JsonPath payload = new JsonPath(got.body());
        assertThat(payload.getString("type")).isEqualTo("notice.new");
        assertThat(payload.getString("data.change.kind")).isEqualTo("created");
        assertThat(payload.getLong("data.change.seq")).isPositive();
        assertThat(payload.getString("data.notice.slug")).isEqualTo("wh-match-zalando");
        assertThat(payload.getList("data.matched.platform")).containsExactly("zalando");
        assertThat(payload.getList("data.matched.rule")).containsExactly("DSA:34");

        List<Map<String, Object>> deliveries = Fixtures.deliveries(bearer, sub.getString("id"));
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.get("status")).isEqualTo("delivered");
            assertThat(d.get("attempts")).isEqualTo(1);
            assertThat(d.get("responseStatus")).isEqualTo(200);
            assertThat(d.get("webhookId")).isEqualTo(got.header("webhook-id"));
        });
    }

    @Test
    void revisionsArriveOnlyWhenAskedFor() {
        String bearer = Fixtures.subscriber("wh-rev").getKey();
        Fixtures.subscribe(bearer, receiver.url("/rev-new"), Map.of("platform", "booking-com"), null);
        Fixtures.subscribe(bearer, receiver.url("/rev-all"), Map.of("platform", "booking-com"), List.of("notice.new", "notice.revised", "notice.withdrawn"));
        Map<String, Object> notice = Fixtures.notice("wh-rev-booking", "booking-com");
        Fixtures.post(notice);
        notice.put("body", "A corrected request for information.");
        as(ADMIN).body(notice).put("/api/notices/wh-rev-booking").then().statusCode(200);
        as(ADMIN).body(Map.of("reason", "test over")).delete("/api/notices/wh-rev-booking").then().statusCode(200);

        List<WebhookReceiver.Received> all = receiver.await("/rev-all", about("wh-rev-booking"), 3, WAIT);
        assertThat(all).extracting(r -> new JsonPath(r.body()).getString("type"))
                .containsExactlyInAnyOrder("notice.new", "notice.revised", "notice.withdrawn");
        worker.round();
        assertThat(receiver.received("/rev-new", about("wh-rev-booking"))).extracting(r -> new JsonPath(r.body()).getString("type"))
                .containsExactly("notice.new");
    }

    @Test
    void aDraftNeverArrivesAndItsPublicationArrivesAsNew() throws InterruptedException {
        String bearer = Fixtures.subscriber("wh-draft").getKey();
        Fixtures.subscribe(bearer, receiver.url("/draft"), Map.of(), List.of("notice.new", "notice.revised", "notice.withdrawn", "notice.relinked"));
        String slug = given().header("Authorization", ADMIN)
                .multiPart("file", "draft.txt", "Ofcom\nLondon, 5 March 2025\nA letter to 4chan under section 102 of the Online Safety Act 2023."
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "A draft no subscriber sees").post("/api/documents").then().statusCode(201).extract().path("slug");
        worker.round();
        Thread.sleep(1000);
        assertThat(receiver.received("/draft", about(slug))).isEmpty();

        given().header("Authorization", ADMIN).post("/api/notices/" + slug + "/publish").then().statusCode(200);
        WebhookReceiver.Received got = receiver.await("/draft", about(slug), 1, WAIT).get(0);
        assertThat(new JsonPath(got.body()).getString("type")).isEqualTo("notice.new");
        assertThat(new JsonPath(got.body()).getString("data.change.kind")).isEqualTo("published");
        as(ADMIN).body(Map.of("reason", "test over")).delete("/api/notices/" + slug).then().statusCode(200);
    }

    @Test
    void aFailureIsRetriedWhenTheClockMovesWithTheSameWebhookId() {
        String bearer = Fixtures.subscriber("wh-retry").getKey();
        receiver.answer("/retry", WebhookReceiver.Answer.of(500), WebhookReceiver.Answer.of(200));
        String id = Fixtures.subscribe(bearer, receiver.url("/retry"), Map.of("platform", "wikipedia"), null).getString("id");
        Fixtures.post(Fixtures.notice("wh-retry-wikipedia", "wikipedia"));
        receiver.await("/retry", about("wh-retry-wikipedia"), 1, WAIT);
        Map<String, Object> failed = awaitDelivery(bearer, id, d -> Integer.valueOf(1).equals(d.get("attempts")));
        assertThat(failed.get("status")).isEqualTo("pending");
        assertThat(failed.get("responseStatus")).isEqualTo(500);
        assertThat((String) failed.get("lastError")).contains("500");
        Duration wait = Duration.between(Instant.parse((String) failed.get("lastAttemptAt")), Instant.parse((String) failed.get("nextAttemptAt")));
        assertThat(wait).isBetween(Duration.ofSeconds(26), Duration.ofSeconds(34));

        Fixtures.advance(Duration.ofSeconds(40));
        List<WebhookReceiver.Received> both = receiver.await("/retry", about("wh-retry-wikipedia"), 2, WAIT);
        assertThat(both.get(1).header("webhook-id")).isEqualTo(both.get(0).header("webhook-id"));
        Map<String, Object> delivered = awaitDelivery(bearer, id, d -> "delivered".equals(d.get("status")));
        assertThat(delivered.get("attempts")).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonoured() throws InterruptedException {
        String bearer = Fixtures.subscriber("wh-after").getKey();
        receiver.answer("/after", new WebhookReceiver.Answer(503, Map.of("Retry-After", "3600")), WebhookReceiver.Answer.of(200));
        String id = Fixtures.subscribe(bearer, receiver.url("/after"), Map.of("platform", "bing"), null).getString("id");
        Fixtures.post(Fixtures.notice("wh-after-bing", "bing"));
        receiver.await("/after", about("wh-after-bing"), 1, WAIT);
        Map<String, Object> failed = awaitDelivery(bearer, id, d -> Integer.valueOf(1).equals(d.get("attempts")));
        Duration wait = Duration.between(Instant.parse((String) failed.get("lastAttemptAt")), Instant.parse((String) failed.get("nextAttemptAt")));
        assertThat(wait).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));

        Fixtures.advance(Duration.ofMinutes(5));
        worker.round();
        Thread.sleep(700);
        assertThat(receiver.received("/after", about("wh-after-bing"))).hasSize(1);
        Fixtures.advance(Duration.ofMinutes(60));
        receiver.await("/after", about("wh-after-bing"), 2, WAIT);
        awaitDelivery(bearer, id, d -> "delivered".equals(d.get("status")));
    }

    @Test
    void goneDisablesTheSubscription() {
        String bearer = Fixtures.subscriber("wh-gone").getKey();
        receiver.answer("/gone", WebhookReceiver.Answer.of(410));
        String id = Fixtures.subscribe(bearer, receiver.url("/gone"), Map.of("platform", "pinterest"), null).getString("id");
        Fixtures.post(Fixtures.notice("wh-gone-pinterest", "pinterest"));
        receiver.await("/gone", about("wh-gone-pinterest"), 1, WAIT);
        awaitDelivery(bearer, id, d -> "dead".equals(d.get("status")));
        JsonPath sub = Fixtures.subscription(bearer, id);
        assertThat(sub.getString("status")).isEqualTo("disabled");
        assertThat(sub.getString("statusReason")).contains("410");
    }

    @Test
    void aRedirectIsNotFollowed() {
        String bearer = Fixtures.subscriber("wh-redirect").getKey();
        receiver.answer("/moved", new WebhookReceiver.Answer(302, Map.of("Location", receiver.url("/elsewhere"))));
        String id = Fixtures.subscribe(bearer, receiver.url("/moved"), Map.of("platform", "linkedin"), null).getString("id");
        Fixtures.post(Fixtures.notice("wh-redirect-linkedin", "linkedin"));
        receiver.await("/moved", about("wh-redirect-linkedin"), 1, WAIT);
        Map<String, Object> failed = awaitDelivery(bearer, id, d -> Integer.valueOf(1).equals(d.get("attempts")));
        assertThat(failed.get("status")).isEqualTo("pending");
        assertThat(failed.get("responseStatus")).isEqualTo(302);
        assertThat((String) failed.get("lastError")).contains("redirect");
        assertThat(receiver.received("/elsewhere")).isEmpty();
    }

    @Test
    void afterTheScheduleADeliveryIsDeadThenRedeliveredWithTheSameId() {
        String bearer = Fixtures.subscriber("wh-dead").getKey();
        receiver.answer("/dead", WebhookReceiver.Answer.of(500));
        String id = Fixtures.subscribe(bearer, receiver.url("/dead"), Map.of("platform", "shein"), null).getString("id");
        Fixtures.post(Fixtures.notice("wh-dead-shein", "shein"));
        receiver.await("/dead", about("wh-dead-shein"), 1, WAIT);
        awaitDelivery(bearer, id, d -> (Integer) d.get("attempts") >= 1);
        Duration moved = Duration.ZERO;
        for (int round = 0; round < 15; round++) {
            Map<String, Object> d = Fixtures.deliveries(bearer, id).get(0);
            if ("dead".equals(d.get("status"))) {
                break;
            }
            int attempts = (Integer) d.get("attempts");
            Duration step = Duration.between(Instant.parse((String) d.get("lastAttemptAt")), Instant.parse((String) d.get("nextAttemptAt")))
                    .plusMinutes(1);
            Fixtures.advance(step);
            moved = moved.plus(step);
            awaitDelivery(bearer, id, x -> (Integer) x.get("attempts") > attempts);
        }
        Map<String, Object> dead = Fixtures.deliveries(bearer, id).get(0);
        assertThat(dead.get("status")).isEqualTo("dead");
        assertThat(dead.get("attempts")).isEqualTo(11);
        assertThat(moved).isGreaterThanOrEqualTo(Duration.ofHours(24));
        List<WebhookReceiver.Received> attempts = receiver.received("/dead", about("wh-dead-shein"));
        assertThat(attempts).hasSize(11).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
        JsonPath sub = Fixtures.subscription(bearer, id);
        assertThat(sub.getString("status")).isEqualTo("paused");
        assertThat(sub.getString("statusReason")).contains("failed since");
        // An admin sees the dead letter too.
        assertThat(Fixtures.deliveries(ADMIN, id)).extracting(d -> d.get("status")).contains("dead");

        receiver.answer("/dead", WebhookReceiver.Answer.of(200));
        as(bearer).post("/api/subscriptions/" + id + "/resume").then().statusCode(200);
        as(bearer).post("/api/subscriptions/" + id + "/deliveries/" + dead.get("id") + "/redeliver").then().statusCode(202);
        List<WebhookReceiver.Received> again = receiver.await("/dead", about("wh-dead-shein"), 12, WAIT);
        assertThat(again.get(11).header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
        awaitDelivery(bearer, id, d -> "delivered".equals(d.get("status")));
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlapThenOnlyTheNew() {
        String bearer = Fixtures.subscriber("wh-rotate").getKey();
        JsonPath sub = Fixtures.subscribe(bearer, receiver.url("/rotate"), Map.of("platform", "temu"), null);
        String id = sub.getString("id");
        String first = sub.getString("secret");
        as(bearer).post("/api/subscriptions/" + id + "/ping").then().statusCode(202);
        WebhookReceiver.Received ping = receiver.await("/rotate", r -> r.body().contains("\"ping\""), 1, WAIT).get(0);
        assertThat(ping.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(SpecVerifier.verifies(first, ping)).isTrue();
        assertThat(new JsonPath(ping.body()).getString("type")).isEqualTo("ping");

        String second = as(bearer).post("/api/subscriptions/" + id + "/rotate-secret").then().statusCode(200).extract().path("secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(Fixtures.subscription(bearer, id).getString("secret")).isNull();
        as(bearer).post("/api/subscriptions/" + id + "/ping").then().statusCode(202);
        WebhookReceiver.Received during = receiver.await("/rotate", r -> r.body().contains("\"ping\""), 2, WAIT).get(1);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(SpecVerifier.verifies(second, during)).isTrue();
        assertThat(SpecVerifier.verifies(first, during)).isTrue();

        Fixtures.advance(Duration.ofHours(25));
        as(bearer).post("/api/subscriptions/" + id + "/ping").then().statusCode(202);
        WebhookReceiver.Received after = receiver.await("/rotate", r -> r.body().contains("\"ping\""), 3, WAIT).get(2);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(SpecVerifier.verifies(second, after)).isTrue();
        assertThat(SpecVerifier.verifies(first, after)).isFalse();
    }

    @Test
    void revokingTheOwnerTokenPausesItsSubscriptions() {
        Map.Entry<String, Long> token = Fixtures.subscriber("wh-revoked");
        String id = Fixtures.subscribe(token.getKey(), receiver.url("/revoked"), Map.of("platform", "temu"), null).getString("id");
        as(ADMIN).delete("/api/admin/tokens/" + token.getValue()).then().statusCode(200);
        worker.round();
        JsonPath sub = Fixtures.subscription(ADMIN, id);
        assertThat(sub.getString("status")).isEqualTo("paused");
        assertThat(sub.getString("statusReason")).contains("revoked");
        as(ADMIN).post("/api/subscriptions/" + id + "/resume").then().statusCode(409);
        as(token.getKey()).get("/api/subscriptions/" + id).then().statusCode(401);
    }

    private static Map<String, Object> awaitDelivery(String bearer, String id, java.util.function.Predicate<Map<String, Object>> condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        List<Map<String, Object>> last = List.of();
        while (System.nanoTime() < end) {
            last = Fixtures.deliveries(bearer, id);
            if (!last.isEmpty() && condition.test(last.get(0))) {
                return last.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no delivery of " + id + " reached the expected state; last seen " + last);
    }
}
