package org.noticeline.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.noticeline.hash.Sha256;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SecurityHeadersTest {

    private static void hasSecurityHeaders(Response response) {
        assertThat(response.headers().getValues("Content-Security-Policy")).containsExactly(SecurityHeaders.PAGE_POLICY);
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("script-src");
        assertThat(response.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain http").isNull();
    }

    @Test
    void everyKindOfResponseCarriesThem() {
        Response page = given().accept("text/html").get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        hasSecurityHeaders(page);

        Response json = given().accept("application/json").get("/api/notices");
        assertThat(json.statusCode()).isEqualTo(200);
        hasSecurityHeaders(json);

        Response problem = given().get("/api/notices/no-such-notice");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        hasSecurityHeaders(problem);

        Response errorPage = given().accept("text/html").get("/notices/no-such-notice");
        assertThat(errorPage.statusCode()).isEqualTo(404);
        hasSecurityHeaders(errorPage);

        Response nowhere = given().get("/no/such/path");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        hasSecurityHeaders(nowhere);

        Response css = given().get("/style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        hasSecurityHeaders(css);

        Response health = given().get("/q/health/ready");
        assertThat(health.statusCode()).isEqualTo(200);
        hasSecurityHeaders(health);
    }

    @Test
    void aForwardedProtoIsNotTrustedWithoutProxyForwarding() {
        Response response = given().header("X-Forwarded-Proto", "https").get("/");
        assertThat(response.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void swaggerUiGetsAPolicyThatLetsItsInlineScriptRun() {
        Response ui = given().get("/q/swagger-ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.SWAGGER_UI_POLICY);
        assertThat(ui.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aDownloadKeepsItsOwnStricterPolicy() {
        byte[] text = """
                Ofcom opens investigation into 4chan
                London, 3 February 2031
                Ofcom has today opened an investigation into 4chan under section 102 of the Online Safety Act.
                """.getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", "Bearer test-admin-secret").multiPart("file", "headers.txt", text, "text/plain")
                .post("/api/documents").then().statusCode(201);

        Response download = given().header("Authorization", "Bearer test-admin-secret").get("/documents/" + Sha256.hex(text));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().getValues("Content-Security-Policy")).containsExactly("sandbox");
        assertThat(download.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
