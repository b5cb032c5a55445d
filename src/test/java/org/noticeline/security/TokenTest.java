package org.noticeline.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TokenTest {

    static final String ADMIN = "Bearer test-admin-secret";

    static String createToken(String name, String... scopes) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "scopes", scopes))
                .post("/api/admin/tokens").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/admin/tokens/\\d+"))
                .body("token", startsWith("nl_"))
                .extract().path("token");
    }

    @Test
    void adminEndpointsNeedABearerTokenWithTheAdminScope() {
        String ingest = createToken("ingest-only", "ingest");

        given().post("/api/admin/reload").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer nl_not-a-real-token").post("/api/admin/reload").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + ingest).post("/api/admin/reload").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo("token 'ingest-only' lacks the 'admin' scope"));
        given().header("Authorization", ADMIN).post("/api/admin/reload").then().statusCode(200)
                .body("problems.size()", equalTo(0));
    }

    @Test
    void secretIsShownOnceAndStoredOnlyAsAHash() {
        String secret = createToken("hash-check", "ingest");

        given().header("Authorization", ADMIN).get("/api/admin/tokens").then().statusCode(200)
                .body("name", hasItem("hash-check"))
                .body("find { it.name == 'hash-check' }.token", nullValue())
                .body("find { it.name == 'hash-check' }.scopes", equalTo(java.util.List.of("ingest")));
        ApiToken stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.findByName("hash-check").orElseThrow());
        assertThat(stored.tokenHash).isNotEqualTo(secret).isEqualTo(Tokens.hash(secret)).hasSize(64);
    }

    @Test
    void revokedAndExpiredTokensStopWorking() {
        String revoked = createToken("to-revoke", "admin");
        String expired = createToken("to-expire", "admin");
        given().header("Authorization", "Bearer " + revoked).get("/api/admin/tokens").then().statusCode(200);

        long id = QuarkusTransaction.requiringNew().call(() -> ApiToken.findByName("to-revoke").orElseThrow().id);
        given().header("Authorization", ADMIN).delete("/api/admin/tokens/" + id).then().statusCode(200)
                .body("revokedAt", not(nullValue()));
        QuarkusTransaction.requiringNew().run(() -> ApiToken.findByName("to-expire").orElseThrow().expiresAt = Instant.now().minusSeconds(1));

        given().header("Authorization", "Bearer " + revoked).get("/api/admin/tokens").then().statusCode(401);
        given().header("Authorization", "Bearer " + expired).get("/api/admin/tokens").then().statusCode(401);
    }

    @Test
    void badTokenRequestsAreProblemsNamingTheField() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", new String[] {"root"}))
                .post("/api/admin/tokens").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scopes"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("scopes", new String[] {"ingest"}))
                .post("/api/admin/tokens").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        createToken("twice", "ingest");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", "twice", "scopes", new String[] {"ingest"}))
                .post("/api/admin/tokens").then().statusCode(409).contentType("application/problem+json");
    }
}
