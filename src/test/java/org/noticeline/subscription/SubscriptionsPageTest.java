package org.noticeline.subscription;

import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.noticeline.security.BrowserSession;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.noticeline.subscription.Fixtures.as;

/** {@code /admin/subscriptions}: a signed-in holder sees their own subscriptions and recent deliveries, nobody else's. */
@QuarkusTest
class SubscriptionsPageTest {

    @Test
    void aSignedInHolderSeesTheirSubscriptionsWithRecentDeliveries() {
        String bearer = Fixtures.subscriber("page-own").getKey();
        String other = Fixtures.subscriber("page-other").getKey();
        String mine = Fixtures.subscribe(bearer, "http://127.0.0.1:9/page-hook", Map.of("platform", "x", "rule", "DSA:34"), List.of("notice.new")).getString("id");
        String theirs = Fixtures.subscribe(other, "http://127.0.0.1:9/other-hook", Map.of(), null).getString("id");
        as(bearer).post("/api/subscriptions/" + mine + "/ping").then().statusCode(202);

        Document page = Jsoup.parse(BrowserSession.signIn(bearer.substring("Bearer ".length())).request().accept("text/html")
                .get("/admin/subscriptions").then().statusCode(200).extract().asString());
        assertThat(page.text()).contains(mine, "http://127.0.0.1:9/page-hook", "platform=x rule=DSA:34", "notice.new", "ping")
                .doesNotContain(theirs);
        assertThat(page.select("table.deliveries tbody tr")).hasSize(1);
    }

    @Test
    void aBrowserWithoutASessionIsSentToSignIn() {
        given().redirects().follow(false).accept("text/html").get("/admin/subscriptions").then().statusCode(303)
                .header("Location", containsString("/admin/sign-in"));
    }
}
