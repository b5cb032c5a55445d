package org.noticeline.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Production as usual: TLS ends at a proxy that says so in X-Forwarded-Proto, and the session secret is configured. */
@QuarkusTest
@TestProfile(BehindTlsProxyTest.TlsProxy.class)
class BehindTlsProxyTest {

    static final String SECRET = "a-configured-session-secret-for-the-proxy-test";

    public static class TlsProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "noticeline.public-base-url", "https://noticeline.example",
                    "noticeline.session-secret", SECRET);
        }
    }

    @Inject
    SessionSecret secret;

    @Test
    void httpsResponsesCarryHstsAndPlainOnesDoNot() {
        assertThat(given().header("X-Forwarded-Proto", "https").get("/").header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(given().get("/").header("Strict-Transport-Security")).isNull();
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndThePublicOriginIsOurs() {
        Response https = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("Origin", "https://noticeline.example").formParam("token", "test-admin-secret").post("/admin/sign-in");
        assertThat(https.statusCode()).isEqualTo(303);
        assertThat(https.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Strict");

        Response http = given().redirects().follow(false).formParam("token", "test-admin-secret").post("/admin/sign-in");
        assertThat(http.header("Set-Cookie")).doesNotContain("Secure");
        given().redirects().follow(false).header("Origin", "https://evil.example").formParam("token", "test-admin-secret")
                .post("/admin/sign-in").then().statusCode(403);
    }

    @Test
    void theConfiguredSecretSignsSessions() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal("test\ndata".getBytes(StandardCharsets.UTF_8)));

        assertThat(secret.sign("test", "data")).isEqualTo(expected);
    }
}
