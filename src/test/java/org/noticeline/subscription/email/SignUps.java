package org.noticeline.subscription.email;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * E-mail sign-ups over the API, each test from a loopback address of its own (127.0.x.y), since the per-client cap
 * counts by the client's address and the tests would otherwise share one.
 */
final class SignUps {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private SignUps() {
    }

    /** A loopback address no other caller in this run uses. */
    static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "127.0." + (20 + n / 250) + "." + (1 + n % 250);
    }

    static String newAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    static Map<String, Object> body(String email, String frequency, String zone, Map<String, Object> filter) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "email");
        body.put("email", email);
        if (frequency != null) {
            body.put("frequency", frequency);
        }
        if (zone != null) {
            body.put("timeZone", zone);
        }
        body.put("filter", filter);
        return body;
    }

    static Response post(String client, Map<String, Object> body) {
        return from(client).contentType(ContentType.JSON).body(body).post("/api/subscriptions");
    }

    static Response post(String client, String email, String frequency, String zone, Map<String, Object> filter) {
        return post(client, body(email, frequency, zone, filter));
    }

    static io.restassured.specification.RequestSpecification from(String client) {
        try {
            InetAddress local = InetAddress.getByName(client);
            return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(client, e);
        }
    }

    static Map<String, Object> platform(String id) {
        return Map.of("platform", List.of(id));
    }
}
