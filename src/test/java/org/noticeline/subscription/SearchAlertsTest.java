package org.noticeline.subscription;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.noticeline.subscription.Fixtures.as;

/**
 * Search alerts by webhook: {@code q} in a subscription's filter, alone (filed by the words it needs) or with other
 * filters, delivers the notices the query matches to a real receiver and no others, and says so in {@code matched}.
 */
@QuarkusTest
class SearchAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
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

    private static Map<String, Object> notice(String slug, String platform, String body) {
        Map<String, Object> notice = new HashMap<>(Fixtures.notice(slug, platform));
        notice.put("body", body);
        notice.put("date", "1997-06-11");
        return notice;
    }

    private static java.util.function.Predicate<WebhookReceiver.Received> about(String slug) {
        return r -> r.body().contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void anAlertDeliversWhatItsQueryMatchesAloneOrNarrowedByAPlatform() throws InterruptedException {
        String bearer = Fixtures.subscriber("alert").getKey();
        String phrase = "\"age assurance " + RUN + "\"";
        JsonPath alone = Fixtures.subscribe(bearer, receiver.url("/alone"), Map.of("q", phrase), null);
        assertThat(alone.getString("filter.q")).isEqualTo(phrase);
        Fixtures.subscribe(bearer, receiver.url("/narrowed"), Map.of("q", "assur* " + RUN, "platform", "temu"), null);

        Fixtures.post(notice("alert-" + RUN + "-zalando", "zalando", "The provider must set up age assurance " + RUN + " for its shop."));
        Fixtures.post(notice("alert-" + RUN + "-temu", "temu", "Temu's age assurance " + RUN + " is questioned."));
        Fixtures.post(notice("alert-" + RUN + "-words", "temu", "Assurance about age, " + RUN + ", in another order."));
        Fixtures.post(notice("alert-" + RUN + "-none", "zalando", "Nothing of that here."));

        WebhookReceiver.Received got = receiver.await("/alone", about("alert-" + RUN + "-zalando"), 1, WAIT).get(0);
        receiver.await("/alone", about("alert-" + RUN + "-temu"), 1, WAIT);
        receiver.await("/narrowed", about("alert-" + RUN + "-temu"), 1, WAIT);
        receiver.await("/narrowed", about("alert-" + RUN + "-words"), 1, WAIT);
        worker.round();
        Thread.sleep(700);
        assertThat(receiver.received("/alone", about("alert-" + RUN + "-words"))).as("a phrase is a phrase").isEmpty();
        assertThat(receiver.received("/alone", about("alert-" + RUN + "-none"))).isEmpty();
        assertThat(receiver.received("/narrowed", about("alert-" + RUN + "-zalando"))).as("narrowed to temu").isEmpty();
        assertThat(new JsonPath(got.body()).getList("data.matched.q")).containsExactly(phrase);
    }

    @Test
    void aQueryThatCannotBeReadIsRefusedNamingFilterQ() {
        String bearer = Fixtures.subscriber("alert-bad").getKey();
        as(bearer).body(Map.of("channel", "webhook", "url", receiver.url("/bad"), "filter", Map.of("q", "platform:(x")))
                .post("/api/subscriptions").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter.q"));
        as(bearer).body(Map.of("channel", "email", "email", "alert-" + RUN + "@example.org", "filter", Map.of("q", "rule:NOPE:1")))
                .post("/api/subscriptions").then().statusCode(422).body("errors[0].field", equalTo("filter.q"));
        String id = Fixtures.subscribe(bearer, receiver.url("/patched"), Map.of("platform", "x"), null).getString("id");
        as(bearer).body(Map.of("filter", Map.of("q", "\"unclosed"))).patch("/api/subscriptions/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("filter.q"));
        as(bearer).body(Map.of("filter", Map.of("q", "verification", "platform", "x"))).patch("/api/subscriptions/" + id).then().statusCode(200)
                .body("filter.q", equalTo("verification"));
    }
}
