package org.noticeline.ingest.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeline.outbound.LocalHttpServer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.noticeline.ingest.feed.FeedFixtures.ADMIN;
import static org.noticeline.ingest.feed.FeedFixtures.poll;
import static org.noticeline.ingest.feed.FeedFixtures.source;

/** With {@code noticeline.outbound.allow-private-addresses} off (the production default), local URLs are refused. */
@QuarkusTest
@TestProfile(PrivateAddressesRefusedTest.PrivateAddressesOff.class)
class PrivateAddressesRefusedTest {

    public static class PrivateAddressesOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("noticeline.outbound.allow-private-addresses", "false");
        }
    }

    private static LocalHttpServer server;

    @BeforeAll
    static void start() {
        server = LocalHttpServer.start();
        server.serve("/private/feed.json", "application/json", "[]");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSourceOnALocalAddressIsA422NamingTheUrl() {
        for (String url : new String[] {server.url("/private/feed.json"), "http://localhost:" + server.port() + "/feed",
                "http://[::1]/feed", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed"}) {
            Map<String, Object> spec = new HashMap<>(Map.of("id", "p-refused", "authority", "ofcom", "url", url, "format", "json"));
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(spec).post("/api/admin/sources").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("noticeline.outbound.allow-private-addresses"));
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aLocalSourceAlreadyInTheDatabaseFailsItsPollWithoutARequest() {
        QuarkusTransaction.requiringNew().run(() -> {
            FeedSource source = new FeedSource();
            source.id = "p-stored-local";
            source.authority = "ofcom";
            source.url = server.url("/private/feed.json");
            source.format = "json";
            source.intervalSeconds = 3600;
            source.enabled = true;
            source.origin = SourceOrigin.API;
            source.createdAt = Instant.now();
            source.updatedAt = source.createdAt;
            source.nextPollAt = source.createdAt;
            source.persist();
        });

        assertThat(poll("p-stored-local").getString("error"))
                .startsWith("refused: host '127.0.0.1' resolves to 127.0.0.1, a loopback address");
        assertThat(source("p-stored-local").getString("state.lastError")).contains("loopback");
        assertThat(server.requests()).isEmpty();
    }
}
