package org.noticeline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SignInTest {

    static final String ADMIN_SECRET = "test-admin-secret";
    static final String ADMIN = "Bearer " + ADMIN_SECRET;

    @TestHTTPResource("/")
    URL root;
    @Inject
    SessionCookie sessions;

    private String ownOrigin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private static Response signIn(String token, String next) {
        var request = given().redirects().follow(false).formParam("token", token);
        if (next != null) {
            request.formParam("next", next);
        }
        return request.post("/admin/sign-in");
    }

    /** A draft proposed from an uploaded text, as the review page lists it. */
    private static String draft(String title) {
        byte[] text = (title + "\nLondon, 3 February 2031\n"
                + "Ofcom has today opened an investigation into 4chan under section 102 of the Online Safety Act.\n")
                .getBytes(StandardCharsets.UTF_8);
        return given().header("Authorization", ADMIN).multiPart("file", "draft.txt", text, "text/plain").post("/api/documents")
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("slug");
    }

    private static String status(String slug) {
        return given().header("Authorization", ADMIN).get("/api/notices/" + slug).then().statusCode(200).extract().path("status");
    }

    private static long tokenId(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.findByName(name).orElseThrow().id);
    }

    @Test
    void signingInSetsAStrictHttpOnlyExpiringCookieThatOpensTheAdminPages() {
        Response response = signIn(ADMIN_SECRET, null);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(URI.create(response.header("Location")).getPath()).isEqualTo("/admin/review");
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).startsWith(SessionCookie.NAME + "=").contains("HttpOnly", "SameSite=Strict", "Path=/",
                "Max-Age=" + SessionCookie.LIFETIME.toSeconds());
        assertThat(setCookie).as("plain http: no Secure flag, or the browser would not send it back").doesNotContain("Secure");

        BrowserSession browser = new BrowserSession(response.cookie(SessionCookie.NAME));
        browser.request().accept("text/html").get("/admin/review").then().statusCode(200)
                .body(containsString("Signed in as <strong>" + TokenService.BOOTSTRAP + "</strong>"));
        browser.request().accept("text/html").get("/admin/feeds").then().statusCode(200);
        browser.request().accept("text/html").get("/admin/corpus").then().statusCode(200);
        browser.request().get("/api/admin/corpus").then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void withoutASessionBrowsersAreSentToSignInAndApiClientsGet401() {
        given().redirects().follow(false).accept("text/html").get("/admin/review").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/sign-in"));
        String location = given().redirects().follow(false).accept("text/html").get("/admin/feeds").then().statusCode(303)
                .extract().header("Location");
        assertThat(location).endsWith("/admin/sign-in?next=%2Fadmin%2Ffeeds");

        for (String page : List.of("/admin/review", "/admin/feeds", "/admin/corpus", "/api/admin/corpus")) {
            given().get(page).then().statusCode(401).contentType("application/problem+json");
        }

        String form = given().urlEncodingEnabled(false).get(URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery())
                .then().statusCode(200)
                .extract().asString();
        assertThat(Jsoup.parse(form).select("input[name=next]").val()).isEqualTo("/admin/feeds");
        Response signedIn = signIn(ADMIN_SECRET, "/admin/feeds");
        assertThat(URI.create(signedIn.header("Location")).getPath()).isEqualTo("/admin/feeds");
    }

    @Test
    void aWrongTokenShowsTheFormAgainWith401() {
        Response response = given().redirects().follow(false).accept("text/html").formParam("token", "nl_wrong")
                .formParam("next", "/admin/feeds").post("/admin/sign-in");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("Set-Cookie")).isNull();
        var page = Jsoup.parse(response.asString());
        assertThat(page.select(".form-error").text()).contains("unknown, expired or revoked");
        assertThat(page.select("form input[name=token]")).hasSize(1);
        assertThat(page.select("input[name=next]").val()).isEqualTo("/admin/feeds");
        signIn("", null).then().statusCode(401);
        given().redirects().follow(false).formParam("next", "/admin/feeds").post("/admin/sign-in").then().statusCode(401);
        signIn("x".repeat(5000), null).then().statusCode(413);
    }

    @Test
    void tamperedEndedAndRevokedSessionsAreRefused() {
        String secret = TokenTest.createToken("session-revoked", "ingest");
        String expiring = TokenTest.createToken("session-expiring", "ingest");
        BrowserSession revoked = BrowserSession.signIn(secret);
        BrowserSession expired = BrowserSession.signIn(expiring);
        revoked.request().get("/admin/review").then().statusCode(200);
        expired.request().get("/admin/review").then().statusCode(200);

        String good = BrowserSession.signIn(ADMIN_SECRET).cookie();
        String[] parts = good.split("\\.");
        String otherToken = tokenId("session-revoked") + "." + parts[1] + "." + parts[2] + "." + parts[3];
        String laterEnd = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2] + "." + parts[3];
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(1) + "A";
        ApiToken admin = QuarkusTransaction.requiringNew().call(() -> ApiToken.findByName(TokenService.BOOTSTRAP).orElseThrow());
        String ended = sessions.value(admin, Instant.now().minusSeconds(1));
        for (String forged : List.of(otherToken, laterEnd, badSignature, ended, "garbage", good + ".x")) {
            new BrowserSession(forged).request().get("/admin/review").then().statusCode(401);
            new BrowserSession(forged).request().accept("text/html").get("/admin/review").then().statusCode(303);
            new BrowserSession(forged).request().accept("text/html").get("/").then().statusCode(200);
        }
        new BrowserSession(good).request().get("/admin/review").then().statusCode(200);

        given().header("Authorization", ADMIN).delete("/api/admin/tokens/" + tokenId("session-revoked")).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.findByName("session-expiring").orElseThrow().expiresAt = Instant.now().minusSeconds(1));

        revoked.request().get("/admin/review").then().statusCode(401);
        expired.request().get("/admin/review").then().statusCode(401);
    }

    @Test
    void aSessionEndsWithItsTokenIfThatComesFirst() {
        Instant expires = Instant.now().plusSeconds(600);
        String secret = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "session-short", "scopes", List.of("ingest"), "expiresAt", expires.toString()))
                .post("/api/admin/tokens").then().statusCode(201).extract().path("token");

        String setCookie = signIn(secret, null).then().statusCode(303).extract().header("Set-Cookie");

        long maxAge = Long.parseLong(setCookie.replaceAll("(?s).*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(590L, 600L);
    }

    @Test
    void formPostsNeedTheSessionsCsrfTokenAndOurOriginAndOtherwiseChangeNothing() {
        String slug = draft("Ofcom opens first sign-in test investigation into 4chan");
        BrowserSession browser = BrowserSession.signIn(ADMIN_SECRET);
        String csrf = browser.csrf("/admin/review");
        String otherSessionsCsrf = BrowserSession.signIn(ADMIN_SECRET).csrf("/admin/review");

        browser.request().formParam("action", "accept").post("/admin/review/" + slug).then().statusCode(403)
                .contentType("application/problem+json");
        browser.request().formParam("csrf", otherSessionsCsrf).formParam("action", "accept").post("/admin/review/" + slug)
                .then().statusCode(403);
        browser.request().header("Origin", "https://evil.example").formParam("csrf", csrf).formParam("action", "accept")
                .post("/admin/review/" + slug).then().statusCode(403);
        browser.request().header("Origin", "null").formParam("csrf", csrf).formParam("action", "accept")
                .post("/admin/review/" + slug).then().statusCode(403);
        browser.request().accept("text/html").formParam("action", "accept").post("/admin/review/" + slug).then().statusCode(403)
                .contentType(containsString("text/html"));
        browser.request().contentType(ContentType.JSON).post("/api/admin/reload").then().statusCode(403);
        assertThat(status(slug)).isEqualTo("draft");

        browser.request().header("Origin", ownOrigin()).formParam("csrf", csrf).formParam("action", "accept")
                .post("/admin/review/" + slug).then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/admin/review"));

        given().get("/api/notices/" + slug).then().body("status", equalTo("published"))
                .body("revisions[0].changedBy", equalTo(TokenService.BOOTSTRAP));
    }

    @Test
    void aBearerTokenNeedsNoCsrfToken() {
        String slug = draft("Ofcom opens second sign-in test investigation into 4chan");

        given().redirects().follow(false).header("Authorization", ADMIN).header("Origin", "https://evil.example")
                .formParam("action", "discard").formParam("reason", "a test").post("/admin/review/" + slug).then().statusCode(303);

        assertThat(status(slug)).isEqualTo("discarded");
    }

    @Test
    void theReviewFormsCarryNoTokenField() {
        draft("Ofcom opens third sign-in test investigation into 4chan");
        BrowserSession browser = BrowserSession.signIn(ADMIN_SECRET);

        var page = Jsoup.parse(browser.request().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString());

        assertThat(page.select("form.review input[name=token]")).isEmpty();
        assertThat(page.select("li.draft form input[name=csrf]").eachAttr("value")).isNotEmpty().allMatch(v -> !v.isBlank());
    }

    @Test
    void signingOutClearsTheCookieAndNeedsTheCsrfTokenToo() {
        BrowserSession browser = BrowserSession.signIn(ADMIN_SECRET);
        String csrf = browser.csrf("/admin/sign-in");

        browser.request().post("/admin/sign-out").then().statusCode(403);
        browser.request().header("Origin", "https://evil.example").formParam("csrf", csrf).post("/admin/sign-out").then().statusCode(403);
        browser.request().get("/admin/review").then().statusCode(200);

        Response out = browser.request().formParam("csrf", csrf).post("/admin/sign-out");

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(URI.create(out.header("Location")).getPath()).isEqualTo("/admin/sign-in");
        assertThat(out.header("Set-Cookie")).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0", "HttpOnly", "SameSite=Strict");
        given().redirects().follow(false).post("/admin/sign-out").then().statusCode(303);
    }

    @Test
    void aSignedInBrowserCanSignInAsAnotherTokenThroughTheForm() {
        String ingest = TokenTest.createToken("session-switch", "ingest");
        BrowserSession admin = BrowserSession.signIn(ADMIN_SECRET);
        var form = Jsoup.parse(admin.request().accept("text/html").get("/admin/sign-in").then().statusCode(200).extract().asString())
                .select("form.sign-in").first();

        admin.request().formParam("token", ingest).formParam("next", form.select("input[name=next]").val())
                .formParam("csrf", form.select("input[name=csrf]").val()).post("/admin/sign-in").then().statusCode(303);
        admin.request().formParam("token", ingest).post("/admin/sign-in").then().statusCode(403);
    }

    @Test
    void nextNeverLeadsToAnotherSite() {
        for (String next : List.of("https://evil.example/", "//evil.example/admin", "/\\evil.example", "/admin\\..\\..\\evil",
                "/adminx/../../evil", "javascript:alert(1)", "/admin/\u0000")) {
            Response response = signIn(ADMIN_SECRET, next);
            assertThat(response.statusCode()).as(next).isEqualTo(303);
            URI location = URI.create(response.header("Location"));
            assertThat(location.getHost()).as(next).isEqualTo(root.getHost());
            assertThat(location.getPort()).as(next).isEqualTo(root.getPort());
        }
        assertThat(URI.create(signIn(ADMIN_SECRET, "https://evil.example/").header("Location")).getPath()).isEqualTo("/admin/review");
        assertThat(signIn(ADMIN_SECRET, "/admin/feeds?x=1").header("Location")).endsWith("/admin/feeds?x=1");

        String form = given().queryParam("next", "https://evil.example/").get("/admin/sign-in").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(form).select("input[name=next]").val()).isEqualTo("/admin/review");
    }

    @Test
    void signingInFromAnotherSiteIsRefused() {
        Response response = given().redirects().follow(false).header("Origin", "https://evil.example").formParam("token", ADMIN_SECRET)
                .post("/admin/sign-in");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.header("Set-Cookie")).isNull();
        given().redirects().follow(false).header("Origin", ownOrigin()).formParam("token", ADMIN_SECRET).post("/admin/sign-in")
                .then().statusCode(303);
    }
}
