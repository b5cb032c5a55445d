package org.noticeline.ingest;

import org.noticeline.hash.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ArchiveRoundTripTest {

    @Inject
    EntityManager em;

    /** The whole record, drafts included, as an administrator exports it. */
    private static String export() {
        return given().header("Authorization", "Bearer test-admin-secret").get("/api/export").then().statusCode(200).contentType("application/jsonl").extract().asString();
    }

    private void emptyTheRecord() {
        QuarkusTransaction.requiringNew().run(() -> {
            // The change log is never trimmed (followers' positions rely on it): its rows stay, detached from the notices.
            em.createNativeQuery("update notice_change set notice_id = null").executeUpdate();
            for (String table : List.of("idempotency_record", "document", "link_tally", "notice_rule", "notice_platform", "notice_source", "notice_revision", "notice")) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
        });
    }

    @Test
    void exportImportIntoAnEmptyRecordAndExportAgainGivesTheSameBytes() {
        String token = given().header("Authorization", "Bearer test-admin-secret").contentType(ContentType.JSON)
                .body(Map.of("name", "archivist", "scopes", List.of("ingest"))).post("/api/admin/tokens").then().statusCode(201)
                .extract().path("token");
        Map<String, Object> edited = org.noticeline.notice.rest.NoticeWriteTest.notice("archive-history", "Version one.");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(edited).post("/api/notices").then().statusCode(201);
        edited.put("body", "Version two.");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(edited).put("/api/notices/archive-history").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .delete("/api/notices/archive-history").then().statusCode(200);

        given().header("Authorization", "Bearer " + token).multiPart("file", "letter.txt",
                        "European Commission\nBrussels, 3 March 2025\nA letter to X under Article 67 of the DSA.".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "Archived letter with its original").post("/api/documents").then().statusCode(201);

        String first = export();
        int notices = first.split("\n").length;
        emptyTheRecord();
        given().get("/api/notices/archive-history").then().statusCode(404);

        given().header("Authorization", "Bearer test-admin-secret").contentType("application/jsonl").body(first.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200)
                .body("imported", equalTo(notices)).body("errors.size()", equalTo(0));
        String second = export();

        assertThat(second).isEqualTo(first);
        assertThat(notices).isGreaterThanOrEqualTo(40);
        assertThat(first).contains("\"fileName\":\"letter.txt\"");
        given().header("Authorization", "Bearer test-admin-secret").get("/documents/" + org.noticeline.hash.Sha256.hex(
                "European Commission\nBrussels, 3 March 2025\nA letter to X under Article 67 of the DSA.".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .then().statusCode(200);
        given().get("/api/notices/archive-history").then().statusCode(200)
                .body("status", equalTo("withdrawn")).body("revisions.size()", equalTo(3))
                .body("revisions[2].changedBy", equalTo("archivist"));
        given().header("Authorization", "Bearer test-admin-secret").contentType("application/jsonl").body(first.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(notices));
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumberAndNeedAdmin() {
        String lines = """
                {"slug":"broken-archive","status":"published","revisions":[]}
                not json
                """;
        given().contentType("application/jsonl").body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/import").then().statusCode(401);
        given().header("Authorization", "Bearer test-admin-secret").contentType("application/jsonl").body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(422)
                .body("errors.field", equalTo(List.of("line 1", "line 2")));
        given().get("/api/notices/broken-archive").then().statusCode(404);
    }
}
