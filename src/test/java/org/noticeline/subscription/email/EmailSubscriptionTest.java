package org.noticeline.subscription.email;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.noticeline.subscription.Fixtures;
import org.noticeline.subscription.SubscriptionWorker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeline.subscription.Fixtures.ADMIN;
import static org.noticeline.subscription.Fixtures.as;

/**
 * E-mail subscriptions end to end against a real SMTP server (GreenMail on loopback): double opt-in, immediate mails
 * with HTML and text and RFC 8058 headers, one-click unsubscribe, digests at the configured hour on the subscriber's
 * clock (moved, never waited for), 48-hour expiry, the caps, and what bad or hostile input gets.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String ACCEPTED_DETAIL = "If the address can receive mail, a confirmation link is on its way."
            + " Nothing else is sent until it is followed; unconfirmed sign-ups are deleted after 48 hours.";
    private static Mailbox mailbox;

    @Inject
    SubscriptionWorker worker;
    @Inject
    Digests digests;
    @Inject
    EntityManager em;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stop() {
        mailbox.close();
    }

    /** Lets a delivery that failed on a stalled SMTP session be retried now (see {@link Mailbox#await}). */
    private static void nudge() {
        Fixtures.advance(Duration.ofSeconds(45));
        io.quarkus.arc.Arc.container().instance(SubscriptionWorker.class).get().round();
    }

    /** Signs up, checks the one answer, and answers the confirmation mail. */
    private static Mailbox.Received signUp(String email, String frequency, String zone, Map<String, Object> filter) {
        SignUps.post(SignUps.newClient(), email, frequency, zone, filter).then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("accepted")).body("detail", org.hamcrest.Matchers.equalTo(ACCEPTED_DETAIL));
        return mailbox.await(email, 1, WAIT, EmailSubscriptionTest::nudge).get(0);
    }

    private static void confirm(Mailbox.Received confirmation) {
        String path = confirmation.path("confirm");
        given().get(path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Confirm the subscription"));
        given().contentType(ContentType.URLENC).post(path).then().statusCode(200)
                .header("Cache-Control", "no-store").body(org.hamcrest.Matchers.containsString("Confirmed"));
    }

    private long stored(String table, String where, Object value) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table + " where " + where)
                .setParameter(1, value).getSingleResult()).longValue());
    }

    @Test
    void onlyTheConfirmationUntilConfirmedThenOneMailPerChangeWithOneClickUnsubscribe() {
        String email = SignUps.newAddress("immediate");
        Mailbox.Received confirmation = signUp(email, "immediate", "Europe/Brussels", SignUps.platform("whatsapp"));
        assertThat(confirmation.subject()).isEqualTo("Confirm your Noticeline subscription");
        assertThat(confirmation.text()).contains("/email/confirm/");
        assertThat(confirmation.html()).contains("href=\"http").contains("/email/confirm/");
        assertThat(confirmation.listUnsubscribe()).matches("<https?://[^>]+/email/unsubscribe/sub_[0-9a-f]+/[A-Za-z0-9_-]{43}>");
        assertThat(confirmation.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");

        Fixtures.post(Fixtures.notice("email-before-confirming", "whatsapp"));
        worker.round();
        Mailbox.sleep(1000);
        assertThat(mailbox.to(email)).hasSize(1);

        confirm(confirmation);
        Map<String, Object> notice = Fixtures.notice("email-after-confirming", "whatsapp");
        notice.put("title", "WhatsApp asked about <risk> & \"minors\"");
        Fixtures.post(notice);
        Fixtures.post(Fixtures.notice("email-other-platform", "messenger"));
        Mailbox.Received mail = mailbox.await(email, 2, WAIT, EmailSubscriptionTest::nudge).get(1);
        worker.round();
        Mailbox.sleep(700);
        assertThat(mailbox.to(email)).as("no backfill, nothing unmatched, nothing twice").hasSize(2);

        assertThat(mail.subject()).isEqualTo("Noticeline: New: WhatsApp asked about <risk> & \"minors\"");
        assertThat(mail.text()).contains("WhatsApp asked about <risk> & \"minors\"").contains("/notices/email-after-confirming")
                .contains("/email/manage/").contains("/email/unsubscribe/");
        assertThat(mail.html()).contains("WhatsApp asked about &lt;risk&gt; &amp; &quot;minors&quot;").doesNotContain("<risk>")
                .contains("/email/manage/");
        assertThat(mail.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = mail.listUnsubscribe().substring(1, mail.listUnsubscribe().length() - 1);
        assertThat(unsubscribe).startsWith("http").contains("/email/unsubscribe/" + confirmation.subscriptionId() + "/");
        assertThat(given().get("/q/metrics").asString()).contains("noticeline_emails_sent_total{kind=\"immediate\"")
                .contains("noticeline_emails_sent_total{kind=\"confirmation\"");

        // The manage page works from the link alone and shows the filter and frequency.
        given().get(mail.path("manage")).then().statusCode(200).header("Cache-Control", "no-store")
                .body(org.hamcrest.Matchers.containsString("whatsapp")).body(org.hamcrest.Matchers.containsString(email));
        // A forged signature leads nowhere.
        given().get("/email/manage/" + confirmation.subscriptionId() + "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);

        // RFC 8058: what a mail provider posts, without cookie or CSRF token; the GET only asks.
        String path = java.net.URI.create(unsubscribe).getPath();
        given().get(path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Unsubscribe"));
        assertThat(stored("subscription", "id = ?1", confirmation.subscriptionId())).isEqualTo(1);
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path).then().statusCode(200);
        assertThat(stored("subscription", "id = ?1", confirmation.subscriptionId())).isZero();
        assertThat(stored("subscription", "target = ?1", email)).as("the address is deleted, not kept").isZero();
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path).then().statusCode(200);
        given().get(mail.path("manage")).then().statusCode(404);
        Fixtures.post(Fixtures.notice("email-after-leaving", "whatsapp"));
        worker.round();
        Mailbox.sleep(700);
        assertThat(mailbox.to(email)).hasSize(2);
    }

    @Test
    void aSearchAlertByEmailSendsOnlyTheNoticesItsQueryMatches() {
        given().queryParam("q", "\"age assurance\"").queryParam("platform", "whatsapp").get("/subscribe").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Search")).body(org.hamcrest.Matchers.containsString("&quot;age assurance&quot;"))
                .body(org.hamcrest.Matchers.containsString("name=\"q\""));
        String email = SignUps.newAddress("alert");
        Map<String, Object> filter = new java.util.HashMap<>(SignUps.platform("whatsapp"));
        filter.put("q", "\"age assurance\"");
        confirm(signUp(email, "immediate", "UTC", filter));

        Map<String, Object> other = Fixtures.notice("email-alert-other", "whatsapp");
        other.put("body", "Nothing about ages here.");
        Fixtures.post(other);
        Map<String, Object> matching = Fixtures.notice("email-alert-match", "whatsapp");
        matching.put("body", "The provider's age assurance is not effective.");
        Fixtures.post(matching);
        Mailbox.Received mail = mailbox.await(email, 2, WAIT, EmailSubscriptionTest::nudge).get(1);
        worker.round();
        Mailbox.sleep(700);
        assertThat(mailbox.to(email)).as("the notice without the phrase is not sent").hasSize(2);
        assertThat(mail.text()).contains("/notices/email-alert-match");
        given().get(mail.path("manage")).then().statusCode(200).body(org.hamcrest.Matchers.containsString("&quot;age assurance&quot;"));
    }

    @Test
    void aDailyDigestGoesOutAtTheConfiguredHourOnTheSubscribersClock() {
        String email = SignUps.newAddress("digest");
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        Mailbox.Received confirmation = signUp(email, "daily", zone.getId(), SignUps.platform("google-maps"));
        confirm(confirmation);
        Fixtures.post(Fixtures.notice("email-digest-one", "google-maps"));
        Map<String, Object> second = Fixtures.notice("email-digest-two", "google-maps");
        second.put("title", "Maps <b>second</b>");
        Fixtures.post(second);
        worker.round();
        Mailbox.sleep(700);
        assertThat(mailbox.to(email)).as("held for the digest").hasSize(1);

        Instant now = Instant.parse(as(ADMIN).get("/api/admin/clock").then().statusCode(200).extract().path("now"));
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime seven = local.with(LocalTime.of(7, 0));
        if (Duration.between(local, seven).compareTo(Duration.ofMinutes(5)) < 0) {
            seven = seven.plusDays(1);
        }
        Fixtures.advance(Duration.between(now, seven.toInstant()).minusMinutes(2));
        assertThat(digests.run()).isZero();
        worker.round();
        Mailbox.sleep(500);
        assertThat(mailbox.to(email)).as("not before 07:00 in Auckland").hasSize(1);

        Fixtures.advance(Duration.ofMinutes(3));
        digests.run();
        Mailbox.Received digest = mailbox.await(email, 2, WAIT, EmailSubscriptionTest::nudge).get(1);
        assertThat(digest.subject()).isEqualTo("Noticeline daily digest: 2 changes");
        assertThat(digest.text()).contains("The Commission asks google-maps for information").contains("Maps <b>second</b>")
                .contains("/notices/email-digest-one").contains("/notices/email-digest-two").contains("/email/unsubscribe/");
        assertThat(digest.html()).contains("Maps &lt;b&gt;second&lt;/b&gt;");
        assertThat(digest.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(stored("delivery", "subscription_id = ?1 and status = 'digested'", confirmation.subscriptionId())).isEqualTo(2);

        // The next period has nothing held, so nothing is sent.
        Fixtures.advance(Duration.ofDays(1));
        assertThat(digests.run()).isZero();
        assertThat(given().get("/q/metrics").asString()).contains("noticeline_emails_sent_total{kind=\"digest\"");
    }

    @Test
    void unconfirmedSignUpsAreDeletedAfter48Hours() {
        String email = SignUps.newAddress("expiry");
        Mailbox.Received confirmation = signUp(email, null, null, Map.of());
        String id = confirmation.subscriptionId();
        Fixtures.advance(Duration.ofHours(47));
        digests.run();
        given().get(confirmation.path("confirm")).then().statusCode(200);
        Fixtures.advance(Duration.ofHours(2));
        digests.run();
        given().get(confirmation.path("confirm")).then().statusCode(404);
        given().contentType(ContentType.URLENC).post(confirmation.path("confirm")).then().statusCode(404);
        assertThat(stored("subscription", "id = ?1", id)).isZero();
        assertThat(stored("subscription", "target = ?1", email)).isZero();
        assertThat(stored("delivery", "subscription_id = ?1", id)).isZero();
    }

    @Test
    void theAnswerIsTheSameForEveryAddressAndAnAddressGetsThreeConfirmationsADay() {
        String client = SignUps.newClient();
        String email = SignUps.newAddress("capped");
        String first = SignUps.post(client, email, null, null, Map.of()).then().statusCode(202).extract().asString();
        for (int i = 0; i < 3; i++) {
            assertThat(SignUps.post(client, email, null, null, Map.of()).then().statusCode(202).extract().asString()).isEqualTo(first);
        }
        assertThat(SignUps.post(client, SignUps.newAddress("other"), "weekly", "UTC", SignUps.platform("x")).then().statusCode(202)
                .extract().asString()).isEqualTo(first);
        mailbox.await(email, 3, WAIT, EmailSubscriptionTest::nudge);
        Mailbox.sleep(1000);
        assertThat(mailbox.to(email)).as("the fourth sign-up of the day is dropped").hasSize(3);
    }

    @Test
    void aClientMayMakeTenSignUpsAnHour() {
        String client = SignUps.newClient();
        for (int i = 0; i < 10; i++) {
            SignUps.post(client, SignUps.newAddress("client"), null, null, Map.of()).then().statusCode(202);
        }
        Response refused = SignUps.post(client, SignUps.newAddress("client"), null, null, Map.of());
        refused.then().statusCode(429).contentType("application/problem+json").header("Retry-After", "3600");
        SignUps.post(SignUps.newClient(), SignUps.newAddress("client"), null, null, Map.of()).then().statusCode(202);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String client = SignUps.newClient();
        String ok = SignUps.newAddress("bad");
        expect(client, SignUps.body("not-an-address", null, null, Map.of()), "email");
        expect(client, SignUps.body("someone@localhost", null, null, Map.of()), "email");
        expect(client, SignUps.body("a".repeat(300) + "@example.test", null, null, Map.of()), "email");
        expect(client, SignUps.body("x@example.test\r\nBcc: victim@example.test", null, null, Map.of()), "email");
        expect(client, SignUps.body("\"quoted\"@example.test", null, null, Map.of()), "email");
        expect(client, SignUps.body(null, null, null, Map.of()), "email");
        expect(client, SignUps.body(ok, "hourly", null, Map.of()), "frequency");
        expect(client, SignUps.body(ok, "x".repeat(5000), null, Map.of()), "frequency");
        expect(client, SignUps.body(ok, null, "Mars/Olympus", Map.of()), "timeZone");
        expect(client, SignUps.body(ok, null, "+02:00", Map.of()), "timeZone");
        expect(client, SignUps.body(ok, null, "Europe/" + "x".repeat(100), Map.of()), "timeZone");
        expect(client, SignUps.body(ok, null, null, SignUps.platform("no-such-platform")), "filter.platform");
        expect(client, SignUps.body(ok, null, null, Map.of("platform", "y".repeat(10_000))), "filter.platform");
        Map<String, Object> events = SignUps.body(ok, null, null, Map.of());
        events.put("events", List.of("notice.exploded"));
        expect(client, events, "events");
        given().contentType(ContentType.JSON).body("{\"channel\": \"email\", \"email\": ").post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("channel", "pigeon")).post("/api/subscriptions").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("channel"));
        // A webhook still needs a token.
        given().contentType(ContentType.JSON).body(Map.of("channel", "webhook", "url", "https://example.org/hook")).post("/api/subscriptions")
                .then().statusCode(401).contentType("application/problem+json");
        Mailbox.sleep(500);
        assertThat(mailbox.to(ok)).isEmpty();
    }

    private static void expect(String client, Map<String, Object> body, String field) {
        String answer = SignUps.post(client, body).then().statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo(field)).extract().asString();
        assertThat(answer.length()).as("no value reaches the message whole").isLessThan(2000);
    }

    @Test
    void hostileTextIsNeverEchoedUnescapedAndTheConfirmationNamesNoFilter() {
        String hostile = "<script>alert(1)</script>";
        // JSON carries it as a JSON string, never as a page.
        SignUps.post(SignUps.newClient(), SignUps.newAddress("hostile"), null, null, Map.of("platform", hostile))
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("filter.platform"));
        given().accept("text/html").get("/subscribe?platform=" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8))
                .then().statusCode(400).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert")));

        String email = SignUps.newAddress("quiet");
        Mailbox.Received confirmation = signUp(email, "weekly", "Asia/Tokyo", Map.of("platform", List.of("telegram"), "rule", List.of("DSA:34")));
        assertThat(confirmation.text() + confirmation.html() + confirmation.subject()).doesNotContain("telegram").doesNotContain("DSA");
        assertThat(confirmation.text()).contains("weekly");
    }

    @Test
    void timelinesLinkToAnUncachedSignUpFormThatTakesTheSameSignUp() {
        String timeline = given().accept("text/html").get("/platforms/snapchat?type=fine").then().statusCode(200).extract().asString();
        assertThat(timeline).contains("href=\"/subscribe?platform=snapchat&amp;type=fine\"");

        Response page = given().accept("text/html").get("/subscribe?platform=snapchat&type=fine");
        page.then().statusCode(200).header("Cache-Control", "no-store");
        String cookie = page.getCookie("nl_form");
        assertThat(cookie).isNotBlank();
        String html = page.asString();
        assertThat(html).contains("name=\"platform\" value=\"snapchat\"").contains("name=\"type\" value=\"fine\"");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).isTrue();

        String email = SignUps.newAddress("form");
        Map<String, String> form = Map.of("email", email, "frequency", "daily", "timeZone", "Europe/Brussels", "platform", "snapchat",
                "type", "fine", "form_token", token.group(1));
        given().contentType(ContentType.URLENC).formParams(form).post("/subscribe").then().statusCode(403);
        given().contentType(ContentType.URLENC).cookie("nl_form", cookie).header("Origin", "https://evil.example")
                .formParams(form).post("/subscribe").then().statusCode(403);
        given().contentType(ContentType.URLENC).cookie("nl_form", "forged-value-forged-val").formParams(form).post("/subscribe").then().statusCode(403);
        given().contentType(ContentType.URLENC).cookie("nl_form", cookie).formParams(Map.of("email", "<script>x@y", "form_token", token.group(1)))
                .post("/subscribe").then().statusCode(422).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>x")))
                .body(org.hamcrest.Matchers.containsString("&lt;script&gt;"));
        given().contentType(ContentType.URLENC).cookie("nl_form", cookie).formParams(form).post("/subscribe").then().statusCode(200)
                .header("Cache-Control", "no-store").body(org.hamcrest.Matchers.containsString("Check your inbox"));

        Mailbox.Received confirmation = mailbox.await(email, 1, WAIT, EmailSubscriptionTest::nudge).get(0);
        confirm(confirmation);
        String manage = confirmation.path("manage");
        given().get(manage).then().statusCode(200).body(org.hamcrest.Matchers.containsString("snapchat"))
                .body(org.hamcrest.Matchers.containsString("value=\"daily\" checked"));
        given().contentType(ContentType.URLENC).formParam("frequency", "weekly").post(manage).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("value=\"weekly\" checked"));
        assertThat(stored("subscription", "frequency = 'weekly' and id = ?1", confirmation.subscriptionId())).isEqualTo(1);
    }

    /**
     * Last, because it stops the SMTP server: the Vert.x mail client's first connection to the restarted one can stall
     * until the server's 30-second timeout, a failure that is retried in turn, so the mail may take two retries.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aHardSmtpFailureIsRecordedAndRetried() throws java.io.IOException {
        String email = SignUps.newAddress("smtp");
        Mailbox.Received confirmation = signUp(email, "immediate", null, SignUps.platform("reddit"));
        confirm(confirmation);
        String id = confirmation.subscriptionId();
        mailbox.close();
        try (RefusingRelay refusing = new RefusingRelay(Mailbox.PORT)) {
            Fixtures.post(Fixtures.notice("email-smtp-down", "reddit"));
            // The first attempt may instead stall on the mail client's stale connection and time out (see the note
            // above); the retry then meets the refusing relay. Either way the 554 is recorded on a pending delivery.
            String failed = "attempts >= 1 and status = 'pending' and last_error like 'SMTP: %554%' and subscription_id = ?1";
            long end = System.nanoTime() + WAIT.toNanos();
            long nudgeAt = System.nanoTime() + Duration.ofSeconds(35).toNanos();
            while (stored("delivery", failed, id) == 0 && System.nanoTime() < end + WAIT.toNanos()) {
                if (System.nanoTime() > nudgeAt) {
                    nudge();
                    nudgeAt = System.nanoTime() + Duration.ofSeconds(35).toNanos();
                }
                Mailbox.sleep(100);
            }
            assertThat(stored("delivery", failed, id)).isEqualTo(1);
        } finally {
            mailbox = new Mailbox();
        }
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (mailbox.to(email).isEmpty() && System.nanoTime() < end) {
            Fixtures.advance(Duration.ofMinutes(3));
            worker.round();
            Mailbox.sleep(1000);
        }
        Mailbox.Received mail = mailbox.await(email, 1, WAIT, EmailSubscriptionTest::nudge).get(0);
        assertThat(mail.text()).contains("/notices/email-smtp-down");
        assertThat(stored("delivery", "attempts >= 2 and status = 'delivered' and seq is not null and subscription_id = ?1", id)).isEqualTo(1);
    }
}
