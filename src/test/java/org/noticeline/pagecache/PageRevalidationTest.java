package org.noticeline.pagecache;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Public answers can be revalidated and kept by a CDN; personal ones never; pages are compressed when asked. */
@QuarkusTest
class PageRevalidationTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    /** No other test writes notices dated 1977. */
    private static final Map<String, String> YEAR = Map.of("from", "1977-01-01", "to", "1977-12-31");

    @TestHTTPResource("/")
    URI root;

    @Test
    void aPublicPageCarriesAWeakTagAndIsNotSentAgainToWhoeverHoldsIt() {
        Response page = given().accept("text/html").get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String etag = page.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(page.header("Cache-Control")).isEqualTo(PageRevalidation.PUBLIC);
        assertThat(page.header("CDN-Cache-Control")).isEqualTo(PageRevalidation.CDN);
        assertThat(page.header("Vary")).contains("Accept-Encoding");

        Response again = given().accept("text/html").header("If-None-Match", etag).get("/");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asByteArray()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);

        assertThat(given().accept("text/html").header("If-None-Match", "W/\"another\"").get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void theTagChangesWhenTheAnswerDoes() {
        String slug = "revalidation-" + UUID.randomUUID().toString().substring(0, 8);
        Response before = given().queryParams(YEAR).accept(ContentType.JSON).get("/api/notices");
        assertThat(before.statusCode()).isEqualTo(200);
        String tag = before.header("ETag");
        assertThat(tag).startsWith("W/\"");
        assertThat(given().queryParams(YEAR).accept(ContentType.JSON).header("If-None-Match", tag).get("/api/notices").statusCode())
                .isEqualTo(304);

        Map<String, Object> notice = NoticeWriteTest.notice(slug, "A notice dated in a year nobody else writes.");
        notice.put("date", "1977-05-04");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice).post("/api/notices").then().statusCode(201);

        Response after = given().queryParams(YEAR).accept(ContentType.JSON).header("If-None-Match", tag).get("/api/notices");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(tag);
        assertThat(after.asString()).contains(slug);
        assertThat(given().queryParam("platform", "x").queryParams(YEAR).accept(ContentType.JSON).get("/api/notices").header("ETag"))
                .as("another question, another tag").isNotEqualTo(after.header("ETag"));
    }

    @Test
    void whatATokenOrAnEditorReadsIsNeverStored() {
        Response withToken = given().header("Authorization", ADMIN).accept(ContentType.JSON).get("/api/notices");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.header("Cache-Control")).isEqualTo(PageRevalidation.PERSONAL);
        assertThat(withToken.header("ETag")).isNull();

        Response signIn = given().accept("text/html").get("/admin/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.header("Cache-Control")).contains("no-store");
        assertThat(signIn.header("ETag")).isNull();
    }

    @Test
    void pagesAreGzippedForClientsThatAskAndPlainForTheRest() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(root).header("Accept", "text/html");
        HttpResponse<InputStream> gzipped = client.send(request.copy().header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String page;
        try (InputStream body = new GZIPInputStream(gzipped.body())) {
            page = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> plain = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Content-Encoding").filter(e -> !e.equals("identity"))).isEmpty();
        assertThat(page).contains("<html").isEqualTo(plain.body());
    }
}
