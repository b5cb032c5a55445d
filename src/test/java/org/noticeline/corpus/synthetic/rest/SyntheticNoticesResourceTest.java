package org.noticeline.corpus.synthetic.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Only an admin loads synthetic notices, and only a sensible number of them. (Loading itself is
 * {@code BatchWriteTest}'s, with notices of 1995: this endpoint makes notices of the default ten years, which other
 * tests' timelines would see.)
 */
@QuarkusTest
class SyntheticNoticesResourceTest {

    private static final String ADMIN = "Bearer test-admin-secret";

    @Test
    void withoutAnAdminTokenItIsRefused() {
        given().post("/api/admin/synthetic-notices?count=1").then().statusCode(401);
    }

    @Test
    void aCountOutOfRangeOrANegativeSeedIsNamed() {
        given().header("Authorization", ADMIN).post("/api/admin/synthetic-notices?count=0").then().statusCode(422)
                .body("errors[0].field", equalTo("count"));
        given().header("Authorization", ADMIN).post("/api/admin/synthetic-notices?count=10&seed=-1").then().statusCode(422)
                .body("errors[0].field", equalTo("seed"));
    }
}
