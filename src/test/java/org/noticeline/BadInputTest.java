package org.noticeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeRevision;
import org.noticeline.notice.StoredDocument;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint driven with malformed, oversized and hostile input: each answer is a 4xx problem document naming
 * what is wrong (never a 5xx), and nothing is stored.
 */
@QuarkusTest
class BadInputTest {

    private static final String ADMIN = "Bearer test-admin-secret";

    /** A notice that would be accepted, spoiled by {@code spoil}. */
    static Map<String, Object> notice(String slug, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> notice = new HashMap<>(NoticeWriteTest.notice(slug, "A body."));
        spoil.accept(notice);
        return notice;
    }

    static Stream<Arguments> badNotices() {
        String longText = "x".repeat(2_000_001);
        List<String> manySources = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            manySources.add("https://example.org/" + i);
        }
        List<String> withNull = new ArrayList<>(List.of("x"));
        withNull.add(null);
        return Stream.of(
                Arguments.of("date far future", "date", (Consumer<Map<String, Object>>) n -> n.put("date", "+999999999-12-31")),
                Arguments.of("date five digits", "date", (Consumer<Map<String, Object>>) n -> n.put("date", "+99999-01-01")),
                Arguments.of("date negative year", "date", (Consumer<Map<String, Object>>) n -> n.put("date", "-0001-01-01")),
                Arguments.of("date year zero", "date", (Consumer<Map<String, Object>>) n -> n.put("date", "0000-01-01")),
                Arguments.of("date before 1900", "date", (Consumer<Map<String, Object>>) n -> n.put("date", "1899-12-31")),
                Arguments.of("date eleven years ahead", "date", (Consumer<Map<String, Object>>) n -> n.put("date",
                        java.time.LocalDate.now().plusYears(11).withDayOfYear(1).toString())),
                Arguments.of("null platform", "platforms", (Consumer<Map<String, Object>>) n -> n.put("platforms", withNull)),
                Arguments.of("null rule", "rules", (Consumer<Map<String, Object>>) n -> n.put("rules", Collections.singletonList(null))),
                Arguments.of("null source", "sources", (Consumer<Map<String, Object>>) n -> n.put("sources", Collections.singletonList(null))),
                Arguments.of("source over column", "sources", (Consumer<Map<String, Object>>) n -> n.put("sources", List.of("https://example.org/" + "a".repeat(1200)))),
                Arguments.of("20,000 sources", "sources", (Consumer<Map<String, Object>>) n -> n.put("sources", manySources)),
                Arguments.of("2,000,000-character summary", "summary", (Consumer<Map<String, Object>>) n -> n.put("summary", longText)),
                Arguments.of("title too long", "title", (Consumer<Map<String, Object>>) n -> n.put("title", "t".repeat(301))),
                Arguments.of("quotes nested 5,000 deep", "body", (Consumer<Map<String, Object>>) n -> n.put("body", ">".repeat(5000) + " deep")),
                Arguments.of("lists nested by indentation", "body", (Consumer<Map<String, Object>>) n -> n.put("body",
                        java.util.stream.IntStream.range(0, 40).mapToObj(i -> "  ".repeat(i) + "- level " + i).collect(java.util.stream.Collectors.joining("\n")))),
                Arguments.of("lone surrogate in title", "title", (Consumer<Map<String, Object>>) n -> n.put("title", "lone \ud800 surrogate")),
                Arguments.of("rule with a leading zero", "rules", (Consumer<Map<String, Object>>) n -> n.put("rules", List.of("DSA:034"))),
                Arguments.of("NUL in body", "body", (Consumer<Map<String, Object>>) n -> n.put("body", "a\u0000b")),
                Arguments.of("unknown type", "type", (Consumer<Map<String, Object>>) n -> n.put("type", "decree")),
                Arguments.of("hostile jurisdiction", "jurisdiction", (Consumer<Map<String, Object>>) n -> n.put("jurisdiction", "<script>")),
                Arguments.of("rule with huge article", "rules", (Consumer<Map<String, Object>>) n -> n.put("rules", List.of("DSA:99999999999999999999"))));
    }

    private static long before;

    @BeforeAll
    static void countWhatIsStored() {
        before = count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNotices")
    void aBadNoticeIsRefusedByPostAndPutNamingTheFieldAndNothingIsStored(String name, String field, Consumer<Map<String, Object>> spoil) {
        String slug = "bad-" + name.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
        for (Response response : List.of(
                given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice(slug, spoil)).post("/api/notices"),
                given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice(slug, spoil)).put("/api/notices/" + slug))) {
            response.then().statusCode(422).contentType("application/problem+json");
            assertThat(response.jsonPath().getList("errors.field", String.class)).as(name).contains(field);
        }
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("trailing garbage after JSON", "POST", "/api/notices", "application/json", "{\"title\": \"x\"} {\"more\": 1}", 400),
                Arguments.of("not JSON", "POST", "/api/notices", "application/json", "{\"title\": ", 400),
                Arguments.of("JSON null notice", "POST", "/api/notices", "application/json", "null", 400),
                Arguments.of("array for a notice", "POST", "/api/notices", "application/json", "[1, 2]", 400),
                Arguments.of("number for platforms", "POST", "/api/notices", "application/json", "{\"platforms\": 7}", 400),
                Arguments.of("token with null body", "POST", "/api/admin/tokens", "application/json", "null", 400),
                Arguments.of("token with empty body", "POST", "/api/admin/tokens", "application/json", "", 400),
                Arguments.of("token with null scope", "POST", "/api/admin/tokens", "application/json", "{\"name\": \"n1\", \"scopes\": [null]}", 400),
                Arguments.of("token expiring in 3000", "POST", "/api/admin/tokens", "application/json",
                        "{\"name\": \"n2\", \"scopes\": [\"ingest\"], \"expiresAt\": \"3000-01-01T00:00:00Z\"}", 422),
                Arguments.of("token expiring in year 999999999", "POST", "/api/admin/tokens", "application/json",
                        "{\"name\": \"n3\", \"scopes\": [\"ingest\"], \"expiresAt\": \"+999999999-12-31T00:00:00Z\"}", 422),
                Arguments.of("withdrawal reason of 100,000 characters", "DELETE", "/api/notices/2023-12-18-ec-opens-dsa-proceedings-x",
                        "application/json", "{\"reason\": \"" + "r".repeat(100_000) + "\"}", 422),
                Arguments.of("withdrawal without reason", "DELETE", "/api/notices/2023-12-18-ec-opens-dsa-proceedings-x", "application/json", "{}", 422),
                Arguments.of("multipart with a bad boundary", "POST", "/api/documents", "multipart/form-data; boundary=xyz", "--abc\r\nfoo\r\n", 400),
                Arguments.of("extract over 1 MiB", "POST", "/api/extract", "text/plain", "a".repeat(1024 * 1024 + 1), 413),
                Arguments.of("source without body", "POST", "/api/admin/sources", "application/json", "", 400),
                Arguments.of("source polled every million days", "POST", "/api/admin/sources", "application/json",
                        "{\"id\": \"s-slow\", \"authority\": \"ofcom\", \"url\": \"https://regulator.example/a.xml\", \"format\": \"rss\", \"interval\": \"999999d\"}", 422),
                Arguments.of("source with an ISO interval that overflows", "POST", "/api/admin/sources", "application/json",
                        "{\"id\": \"s-over\", \"authority\": \"ofcom\", \"url\": \"https://regulator.example/a.xml\", \"format\": \"rss\", \"interval\": \"PT9999999999999999H\"}", 422));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aMalformedRequestIsAProblemDocumentNeverAServerError(String name, String method, String path, String type, String body, int status) {
        Response response = given().header("Authorization", ADMIN).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .request(method, path);
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
        given().get("/api/notices/2023-12-18-ec-opens-dsa-proceedings-x").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("published"));
    }

    static Stream<Arguments> badReads() {
        return Stream.of(
                Arguments.of("/rules/DSA/99999999999999999999", 404),
                Arguments.of("/api/notices?from=%2B999999999-12-31", 400),
                Arguments.of("/api/notices?from=0000-01-01", 400),
                Arguments.of("/platforms/x?to=-0001-01-01", 400),
                Arguments.of("/api/notices?limit=1&limit=2", 400),
                Arguments.of("/api/notices?from=2024-01-01&from=2025-01-01", 400),
                Arguments.of("/api/notices?limit=99999999999999999999", 400),
                Arguments.of("/api/notices?limit=%D9%A1%D9%A2", 400),
                Arguments.of("/api/notices?jurisdiction=%3Cscript%3E", 400),
                Arguments.of("/api/notices?cursor=" + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("+999999999-12-31|1".getBytes(StandardCharsets.UTF_8)), 400),
                Arguments.of("/api/notices?cursor=%00%00", 400),
                Arguments.of("/api/notices?rule=DSA:99999999999999999999", 400),
                Arguments.of("/api/notices/" + "s".repeat(1000), 404),
                Arguments.of("/api/notices/" + "s".repeat(9000), 414),
                Arguments.of("/notices/x/revisions/99999999999", 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReads")
    void aHostileQueryIsAClientError(String path, int status) {
        given().get(path).then().statusCode(status);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"*/*;q=abc", "text/html;q=", "text/html;;;", "text/html;q=0.5;foo", "/", ";"})
    void aMalformedAcceptHeaderIsNeverAServerError(String accept) {
        for (String path : List.of("/", "/api/notices", "/notices/nope", "/api/notices/x")) {
            int status = given().header("Accept", accept).get(path).statusCode();
            assertThat(status).as("%s with Accept %s", path, accept).isBetween(200, 499);
        }
    }

    @Test
    void aBodyFramedByAnUnknownTransferEncodingIsRefusedRatherThanReadAsTheNextRequest() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            String smuggled = "GET /api/notices HTTP/1.1\r\nHost: x\r\n\r\n";
            socket.getOutputStream().write(("POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: gzip\r\n\r\n" + smuggled).getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("\"items\"");
        }
    }

    @Test
    void anIdempotencyKeyOverTwoHundredCharactersIsRefused() {
        given().header("Authorization", ADMIN).header("Idempotency-Key", "k".repeat(201)).contentType(ContentType.JSON)
                .body(NoticeWriteTest.notice("bad-idempotency", "x")).post("/api/notices")
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheHttpLimitIsA413ProblemDocument() {
        byte[] huge = new byte[33 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(huge).post("/api/notices")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anUploadWhoseFileNameIsTooLongIsRefused() {
        given().header("Authorization", ADMIN).multiPart("file", "n".repeat(400) + ".txt",
                        "The Commission wrote to X on 12 August 2024 under Article 34 DSA.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/documents").then().statusCode(422).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void everyBadImportLineIsAnsweredOnItsOwnAndNoneStopsTheOthers() {
        String exported = given().get("/api/export").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.contains("\"slug\":\"2023-12-18-ec-opens-dsa-proceedings-x\"")).findFirst().orElseThrow();
        String fresh = exported.replace("2023-12-18-ec-opens-dsa-proceedings-x", "2023-12-18-imported-copy");
        List<String> bad = List.of(
                "null",
                exported.replaceFirst("\"slug\":\"[^\"]+\"", "\"slug\":null"),
                fresh.replaceFirst("\"number\":1,", "\"number\":0,"),
                fresh.replaceFirst("\"changedAt\":\"[^\"]+\"", "\"changedAt\":null"),
                fresh.replaceFirst("\"ingestedAt\":\"[^\"]+\"", "\"ingestedAt\":null"),
                fresh.replaceFirst("\"changedBy\":\"[^\"]+\"", "\"changedBy\":\"" + "c".repeat(500) + "\""),
                fresh.replaceFirst("\"status\":\"published\"", "\"status\":\"secret\""),
                fresh.replaceFirst("\"ingestedAt\":\"[^\"]+\"", "\"ingestedAt\":\"0000-01-01T00:00:00Z\""),
                fresh.replaceFirst("\"changedBy\":\"[^\"]+\"", java.util.regex.Matcher.quoteReplacement("\"changedBy\":\"nul\\u0000here\"")),
                fresh.replaceFirst("\"documents\":\\[\\]", "\"documents\":[{\"fileName\":\"a.txt\",\"mediaType\":\"text/plain\\r\\nX-Evil: 1\","
                        + "\"sha256\":\"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb\",\"pages\":0,\"uploadedBy\":\"x\","
                        + "\"uploadedAt\":\"2024-01-01T00:00:00Z\",\"content\":\"YQ==\"}]"),
                fresh.replaceFirst("\"documents\":\\[\\]", "\"documents\":[{\"fileName\":null,\"mediaType\":null,\"pages\":0}]"));
        String allBad = String.join("\n", bad) + "\n";
        Response refused = given().header("Authorization", ADMIN).contentType("application/jsonl").body(allBad.getBytes(StandardCharsets.UTF_8)).post("/api/import");
        refused.then().statusCode(422).contentType("application/problem+json");
        assertThat(refused.jsonPath().getList("errors.field", String.class)).hasSize(bad.size());
        assertThat(count()).isEqualTo(before);

        Response mixed = given().header("Authorization", ADMIN).contentType("application/jsonl").body((allBad + fresh + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/import");
        mixed.then().statusCode(200).body("imported", org.hamcrest.Matchers.equalTo(1));
        assertThat(mixed.jsonPath().getList("errors.line", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        given().get("/api/notices/2023-12-18-imported-copy").then().statusCode(200);
        before = count();
    }

    /**
     * Random notices (a fixed seed, so a failure can be replayed): each field swapped for hostile text, odd types,
     * absurd numbers or nothing. Whatever arrives, the answer is a client error or a proper write, never a 5xx.
     */
    @Test
    void randomHostileNoticesNeverMakeAServerError() throws Exception {
        java.util.Random random = new java.util.Random(20261201);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Object> hostile = List.of("", " ", "\u0000", "\ud800", "<script>alert(1)</script>", "'; drop table notice; --",
                "x".repeat(5000), "%00%0d%0a", "../../etc/passwd", "+999999999-12-31", "2024-02-30", "DSA:0", ":", "🚨",
                -1, 0, Long.MAX_VALUE, 1e308, true, List.of(), List.of(List.of()), Map.of("a", 1), Collections.singletonList(null));
        String[] fields = {"slug", "title", "date", "type", "authority", "jurisdiction", "platforms", "rules", "proceeding",
                "language", "summary", "sources", "body"};
        for (int i = 0; i < 150; i++) {
            Map<String, Object> notice = new HashMap<>(NoticeWriteTest.notice("fuzz-" + i, "Body " + i + "."));
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                String field = fields[random.nextInt(fields.length)];
                Object value = hostile.get(random.nextInt(hostile.size()));
                notice.put(field, random.nextInt(4) == 0 ? List.of(value) : value);
            }
            String method = random.nextBoolean() ? "POST" : "PUT";
            Response response = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(json.writeValueAsString(notice).getBytes(StandardCharsets.UTF_8))
                    .request(method, method.equals("POST") ? "/api/notices" : "/api/notices/fuzz-" + i);
            assertThat(response.statusCode()).as("%s %s", method, notice).isIn(200, 201, 400, 404, 405, 409, 422);
        }
        before = count();
    }

    /** Notices, revisions and documents together: any of them stored by a refused request changes it. */
    static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Notice.count() * 1_000_000 + NoticeRevision.count() * 1000 + StoredDocument.count());
    }
}
