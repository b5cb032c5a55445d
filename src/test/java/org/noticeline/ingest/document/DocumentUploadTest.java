package org.noticeline.ingest.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.Notice;
import org.noticeline.notice.StoredDocument;
import org.noticeline.security.BrowserSession;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DocumentUploadTest {

    private static String editor;

    @BeforeEach
    void token() {
        if (editor == null) {
            editor = given().header("Authorization", "Bearer test-admin-secret").contentType(ContentType.JSON)
                    .body(Map.of("name", "document-editor", "scopes", List.of("ingest"))).post("/api/admin/tokens")
                    .then().statusCode(201).extract().path("token");
        }
    }

    private static Response upload(byte[] file, String name, String mime, String query) {
        return given().header("Authorization", "Bearer " + editor).multiPart("file", name, file, mime)
                .post("/api/documents" + query);
    }

    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> StoredDocument.count() * 1000 + Notice.count());
    }

    static final List<String> LETTER = List.of(
            "Commission sends request for information to X on recommender systems",
            "Brussels, 17 January 2025",
            "The European Commission has today sent a request for information to X",
            "under Article 67 of the Digital Services Act, concerning its recommender system.");

    @Test
    void aPdfBecomesADraftWithProposedFieldsAndItsOriginalIsKept() throws Exception {
        byte[] pdf = TestPdfs.withLines(LETTER);

        String slug = upload(pdf, "rfi.pdf", "application/pdf", "").then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("title", equalTo("Commission sends request for information to X on recommender systems"))
                .body("date", equalTo("2025-01-17"))
                .body("authority", equalTo("european-commission"))
                .body("jurisdiction", equalTo("EU"))
                .body("type", equalTo("request-for-information"))
                .body("platforms", hasItem("x"))
                .body("rules", hasItem("DSA:67"))
                .body("links.rules.find { it.key == 'DSA:67' }.origin", equalTo("detected"))
                .extract().path("slug");

        given().queryParam("limit", 200).get("/api/notices").then().body("items.slug", not(hasItem(slug)));
        String page = given().header("Authorization", "Bearer " + editor).get("/notices/" + slug).then().statusCode(200).extract().asString();
        String href = Jsoup.parse(page).select("ul.documents a").attr("href");
        Response download = given().header("Authorization", "Bearer " + editor).get(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asByteArray()).isEqualTo(pdf);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

        String review = given().header("Authorization", "Bearer " + editor).get("/admin/review").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(review).select("li.draft h2 a").eachAttr("href")).contains("/notices/" + slug);
        given().formParam("token", "wrong").formParam("action", "accept").post("/admin/review/" + slug).then().statusCode(401);
        BrowserSession browser = BrowserSession.signIn(editor);
        browser.request().formParam("csrf", browser.csrf("/admin/review")).formParam("action", "accept").post("/admin/review/" + slug)
                .then().statusCode(303);
        given().get("/api/notices/" + slug).then().body("status", equalTo("published"))
                .body("revisions[0].note", equalTo("published after review"))
                .body("revisions[0].changedBy", equalTo("document-editor"));
        given().queryParam("limit", 200).get("/api/notices").then().body("items.slug", hasItem(slug));
    }

    @Test
    void publishTrueSkipsReviewAndStatedFieldsWinOverGuesses() throws Exception {
        byte[] text = String.join("\n", LETTER).replace("17 January 2025", "18 January 2025").getBytes(StandardCharsets.UTF_8);

        given().header("Authorization", "Bearer " + editor).multiPart("file", "rfi.txt", text, "text/plain")
                .multiPart("title", "A stated title").multiPart("type", "letter").multiPart("source", "https://ec.europa.eu/commission/presscorner/home/en")
                .post("/api/documents?publish=true").then().statusCode(201)
                .body("status", equalTo("published"))
                .body("title", equalTo("A stated title"))
                .body("type", equalTo("letter"))
                .body("sources", equalTo(List.of("https://ec.europa.eu/commission/presscorner/home/en")));
    }

    @Test
    void brokenEncryptedAndUnreadableFilesAre422AndNothingIsStored() throws Exception {
        long before = stored();
        byte[] pdf = TestPdfs.withLines(LETTER);

        upload(TestPdfs.encrypted(LETTER), "secret.pdf", "application/pdf", "").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("detail", org.hamcrest.Matchers.containsString("encrypted"));
        upload(Arrays.copyOf(pdf, pdf.length / 2), "broken.pdf", "application/pdf", "").then().statusCode(422)
                .body("errors[0].field", equalTo("file"));
        upload(new byte[] {0, 1, 2, (byte) 0xff}, "blob.bin", "application/octet-stream", "").then().statusCode(422);
        upload("No authority named here at all.".getBytes(StandardCharsets.UTF_8), "n.txt", "text/plain", "").then().statusCode(422)
                .body("errors.field", hasItem("authority"));

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void uploadingNeedsAToken() throws Exception {
        given().multiPart("file", "rfi.pdf", TestPdfs.withLines(LETTER), "application/pdf").post("/api/documents").then().statusCode(401);
    }
}
