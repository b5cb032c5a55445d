package org.noticeline.catalog.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.everyItem;

@QuarkusTest
class CatalogApiTest {

    @Test
    void platformsCarryAliasesProviderAndDesignations() {
        given().get("/api/platforms").then().statusCode(200).body("id", hasItems("x", "tiktok", "4chan"));
        given().get("/api/platforms/x").then().statusCode(200)
                .body("name", equalTo("X"))
                .body("aliases", hasItem("Twitter"))
                .body("provider.id", equalTo("x-corp"))
                .body("designations[0].instrument", equalTo("DSA"))
                .body("designations[0].kind", equalTo("VLOP"))
                .body("designations[0].since", equalTo("2023-04-25"));
    }

    @Test
    void instrumentsListWithoutProvisionsAndOneWithThem() {
        given().get("/api/instruments").then().statusCode(200)
                .body("code", hasItems("DSA", "DMA", "GDPR", "UK-OSA", "AU-OSA", "USC-47", "CFR-16"))
                .body("find { it.code == 'DSA' }.provisions", nullValue());
        List<Map<String, String>> provisions = given().get("/api/instruments/dsa").then().statusCode(200)
                .body("number", equalTo("Regulation (EU) 2022/2065"))
                .body("link", equalTo("http://data.europa.eu/eli/reg/2022/2065/oj"))
                .extract().jsonPath().getList("provisions");
        assertThat(provisions).contains(Map.of("key", "DSA:34", "number", "34", "heading", "Risk assessment"));
    }

    @Test
    void authoritiesAndProceedings() {
        given().get("/api/authorities").then().statusCode(200).body("id", hasItems("european-commission", "ofcom", "ftc", "esafety"));
        given().get("/api/authorities/ofcom").then().statusCode(200).body("jurisdiction", equalTo("UK"));
        String id = given().get("/api/proceedings").then().statusCode(200).extract().jsonPath().getString("[0].id");
        given().get("/api/proceedings/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("notices.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("notices.proceeding", org.hamcrest.Matchers.everyItem(equalTo(id)));
    }

    @Test
    void relatedProvisionsAreListedWholeOrForOneRule() {
        given().get("/api/related").then().statusCode(200).body("id", hasItems("protection-of-minors", "risk-assessment"));
        given().get("/api/related?rule=dsa:28").then().statusCode(200)
                .body("id", hasItem("protection-of-minors"))
                .body("find { it.id == 'protection-of-minors' }.provisions", hasItems("DSA:28", "UK-OSA:12"))
                .body("provisions", everyItem(hasItem("DSA:28")));
        given().get("/api/related?rule=DSA:57").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/related?rule=DSA:999").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rule"));
    }

    @Test
    void unknownIdsAre404Problems() {
        for (String path : List.of("/api/platforms/myspace", "/api/instruments/NOPE", "/api/authorities/nobody", "/api/proceedings/none")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
    }
}
