package org.noticeline.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/notices/{slug}"))
                // The data dictionary is in the schema too, field by field.
                .body(containsString("Rules cited as INSTRUMENT:provision keys"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void stylesheetIsServed() {
        given().get("/style.css").then().statusCode(200).contentType(containsString("text/css"));
    }
}
