package org.noticeline.subscription.stream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/stream} over real HTTP: what arrives, in what order, after a reconnect, and what is refused. */
@QuarkusTest
class LiveStreamTest {

    private static final String ADMIN = "Bearer test-admin-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URI base;
    @Inject
    LiveStreams streams;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @AfterEach
    void everyStreamIsClosedAgain() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (streams.openBy("ip:127.0.0.1") > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(streams.openBy("ip:127.0.0.1")).isZero();
    }

    @Test
    void aNewMatchingNoticeArrivesAsNoticeNewWithItsSeqAndThePayloadAndOthersDoNot() throws Exception {
        long start = head();
        try (EventStreamClient stream = open("/api/stream?platform=4chan&rule=UK-OSA")) {
            assertThat(stream.status()).isEqualTo(200);
            Map<String, Object> other = NoticeWriteTest.notice("stream-other-platform", "About X.");
            other.put("platforms", List.of("x"));
            write().body(other).post("/api/notices").then().statusCode(201);
            write().body(NoticeWriteTest.notice("stream-new", "Live text.")).post("/api/notices").then().statusCode(201);

            EventStreamClient.Received event = stream.next(r -> true, WAIT);
            assertThat(event).isNotNull();
            assertThat(event.type()).isEqualTo("notice.new");
            assertThat(Long.parseLong(event.id())).isEqualTo(seqOf(start, "stream-new", "created"));
            assertThat(event.data()).doesNotContain("\n");
            JsonPath data = new JsonPath(event.data());
            assertThat(data.getString("type")).isEqualTo("notice.new");
            assertThat(data.getString("timestamp")).isNotBlank();
            assertThat(data.getLong("data.change.seq")).isEqualTo(Long.parseLong(event.id()));
            assertThat(data.getString("data.change.kind")).isEqualTo("created");
            assertThat(data.getString("data.notice.slug")).isEqualTo("stream-new");
            assertThat(data.getString("data.notice.body")).isEqualTo("Live text.");
            assertThat(data.getList("data.matched.platform")).containsExactly("4chan");
            assertThat(data.getList("data.matched.rule")).containsExactly("UK-OSA");
            assertThat(stream.next(r -> r.data().contains("stream-other-platform"), Duration.ofSeconds(2))).isNull();
        }
    }

    @Test
    void aDraftIsNotSentAndItsPublicationIsNew() throws Exception {
        try (EventStreamClient stream = open("/api/stream")) {
            String slug = given().header("Authorization", ADMIN)
                    .multiPart("file", "draft.txt", "Ofcom\nLondon, 5 March 2025\nA letter to 4chan under section 102 of the Online Safety Act 2023."
                            .getBytes(StandardCharsets.UTF_8), "text/plain")
                    .multiPart("title", "A draft the stream hides").post("/api/documents").then().statusCode(201).extract().path("slug");
            assertThat(stream.next(r -> r.data().contains(slug), Duration.ofSeconds(2))).isNull();

            given().header("Authorization", ADMIN).post("/api/notices/" + slug + "/publish").then().statusCode(200);
            EventStreamClient.Received published = stream.next(r -> r.data().contains(slug), WAIT);
            assertThat(published).isNotNull();
            assertThat(published.type()).isEqualTo("notice.new");
            assertThat(new JsonPath(published.data()).getString("data.change.kind")).isEqualTo("published");

            write().body(Map.of("reason", "test over")).delete("/api/notices/" + slug).then().statusCode(200);
            assertThat(stream.next(r -> r.data().contains(slug), WAIT).type()).isEqualTo("notice.withdrawn");
        }
    }

    @Test
    void revisionAndWithdrawalArriveAndARelinkOnlyWhenAskedFor() throws Exception {
        write().body(NoticeWriteTest.notice("stream-lifecycle", "First.")).post("/api/notices").then().statusCode(201);
        try (EventStreamClient plain = open("/api/stream?proceeding=&platform=4chan");
             EventStreamClient relinks = open("/api/stream?events=notice.revised,notice.relinked&events=notice.withdrawn")) {
            Map<String, Object> notice = NoticeWriteTest.notice("stream-lifecycle", "Second.");
            write().body(notice).put("/api/notices/stream-lifecycle").then().statusCode(200);
            assertThat(plain.next(mentions("stream-lifecycle"), WAIT).type()).isEqualTo("notice.revised");
            assertThat(relinks.next(mentions("stream-lifecycle"), WAIT).type()).isEqualTo("notice.revised");

            appendChange("relinked", "stream-lifecycle", 1);
            EventStreamClient.Received relinked = relinks.next(mentions("stream-lifecycle"), WAIT);
            assertThat(relinked.type()).isEqualTo("notice.relinked");

            write().body(Map.of("reason", "sent in error")).delete("/api/notices/stream-lifecycle").then().statusCode(200);
            assertThat(relinks.next(mentions("stream-lifecycle"), WAIT).type()).isEqualTo("notice.withdrawn");
            // The plain stream was never sent the re-link: its next event about the notice is the withdrawal.
            EventStreamClient.Received next = plain.next(mentions("stream-lifecycle"), WAIT);
            assertThat(next.type()).isEqualTo("notice.withdrawn");
            assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(relinked.id()));
        }
    }

    @Test
    void lastEventIdReplaysWhatWasMissedInOrderAndThenGoesLive() throws Exception {
        long start = head();
        write().body(NoticeWriteTest.notice("stream-missed-1", "One.")).post("/api/notices").then().statusCode(201);
        write().body(NoticeWriteTest.notice("stream-missed-2", "Two.")).post("/api/notices").then().statusCode(201);
        long first = seqOf(start, "stream-missed-1", "created");
        long second = seqOf(start, "stream-missed-2", "created");

        try (EventStreamClient stream = open("/api/stream?platform=4chan", Map.of("Last-Event-ID", Long.toString(start)))) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ids.add(Long.parseLong(stream.next(r -> r.data().contains("stream-missed-"), WAIT).id()));
            }
            assertThat(ids).containsExactly(first, second);
            write().body(NoticeWriteTest.notice("stream-missed-3", "Three.")).post("/api/notices").then().statusCode(201);
            assertThat(stream.next(mentions("stream-missed-"), WAIT).data()).contains("stream-missed-3");
        }
        // The query parameter does the same for clients that cannot set headers; the header wins over it.
        try (EventStreamClient stream = open("/api/stream?platform=4chan&lastEventId=" + start)) {
            assertThat(Long.parseLong(stream.next(mentions("stream-missed-"), WAIT).id())).isEqualTo(first);
        }
        try (EventStreamClient stream = open("/api/stream?platform=4chan&lastEventId=" + start, Map.of("Last-Event-ID", Long.toString(first)))) {
            assertThat(Long.parseLong(stream.next(mentions("stream-missed-"), WAIT).id())).isEqualTo(second);
        }
    }

    @Test
    void moreThanAThousandMissedChangesAreOneResyncEventAndThenLive() throws Exception {
        long start = head();
        for (int i = 0; i <= LiveStreams.REPLAY; i += 200) {
            appendCatalogChanges(Math.min(200, LiveStreams.REPLAY + 1 - i));
        }
        long head = head();
        assertThat(head - start).isGreaterThan(LiveStreams.REPLAY);

        try (EventStreamClient stream = open("/api/stream", Map.of("Last-Event-ID", Long.toString(start)))) {
            EventStreamClient.Received resync = stream.next(r -> true, WAIT);
            assertThat(resync.type()).isEqualTo("resync");
            JsonPath data = new JsonPath(resync.data());
            assertThat(data.getLong("next")).isGreaterThanOrEqualTo(head);
            assertThat(data.getString("changes")).isEqualTo("/api/changes?since=" + start);
            assertThat(resync.id()).isEqualTo(Long.toString(data.getLong("next")));

            write().body(NoticeWriteTest.notice("stream-after-resync", "Live again.")).post("/api/notices").then().statusCode(201);
            EventStreamClient.Received live = stream.next(r -> true, WAIT);
            assertThat(live.type()).isEqualTo("notice.new");
            assertThat(live.data()).contains("stream-after-resync");
        }
    }

    @Test
    void heartbeatsArriveAsComments() throws Exception {
        try (EventStreamClient stream = open("/api/stream")) {
            assertThat(stream.nextComment(Duration.ofSeconds(3))).isNotNull()
                    .satisfies(c -> assertThat(c.comment()).isEqualTo(": heartbeat"));
            assertThat(stream.nextComment(Duration.ofSeconds(3))).isNotNull();
        }
    }

    @Test
    void theSixthStreamOfAClientIsRefusedUntilOneCloses() throws Exception {
        String token = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "stream-limit", "scopes", List.of("ingest"))).post("/api/admin/tokens").then().statusCode(201)
                .extract().path("token");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        List<EventStreamClient> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                opened.add(open("/api/stream", auth));
                assertThat(opened.get(i).status()).isEqualTo(200);
            }
            try (EventStreamClient sixth = open("/api/stream", auth)) {
                assertThat(sixth.status()).isEqualTo(429);
                assertThat(sixth.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(sixth.response.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(new JsonPath(sixth.body()).getInt("status")).isEqualTo(429);
            }
            // Another client is not held back by this one's streams.
            try (EventStreamClient anonymous = open("/api/stream")) {
                assertThat(anonymous.status()).isEqualTo(200);
            }
            opened.remove(0).close();
            long end = System.nanoTime() + WAIT.toNanos();
            while (streams.openBy("token:stream-limit") > 4 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            try (EventStreamClient again = open("/api/stream", auth)) {
                assertThat(again.status()).isEqualTo(200);
            }
        } finally {
            for (EventStreamClient stream : opened) {
                stream.close();
            }
        }
    }

    @Test
    void badFiltersEventsAndLastEventIdsAreProblemsBeforeTheStreamStarts() throws Exception {
        assertBad("/api/stream?platform=myspace", Map.of(), "platform");
        assertBad("/api/stream?rule=XYZ:1", Map.of(), "rule");
        assertBad("/api/stream?from=yesterday", Map.of(), "from");
        assertBad("/api/stream?events=notice.new,notice.deleted", Map.of(), "events");
        assertBad("/api/stream", Map.of("Last-Event-ID", "abc"), "Last-Event-ID");
        assertBad("/api/stream", Map.of("Last-Event-ID", "-1"), "Last-Event-ID");
        assertBad("/api/stream", Map.of("Last-Event-ID", Long.toString(head() + 1_000_000)), "Last-Event-ID");
        assertBad("/api/stream?lastEventId=1.5", Map.of(), "lastEventId");
        assertBad("/api/stream?lastEventId=1&lastEventId=2", Map.of(), "lastEventId");
    }

    @Test
    void theStreamIsUncompressedUncachedAndUnbuffered() throws Exception {
        try (EventStreamClient stream = open("/api/stream", Map.of("Accept-Encoding", "gzip, deflate"))) {
            var headers = stream.response.headers();
            assertThat(stream.status()).isEqualTo(200);
            assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(headers.firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
            assertThat(headers.firstValue("Content-Encoding")).isEmpty();
            // Bytes as sent: a heartbeat is readable text, so nothing compressed it.
            assertThat(stream.nextComment(Duration.ofSeconds(3))).isNotNull();
        }
    }

    private void assertBad(String path, Map<String, String> headers, String field) throws Exception {
        try (EventStreamClient stream = open(path, headers)) {
            assertThat(stream.status()).as(path + " " + headers).isEqualTo(400);
            assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(new JsonPath(stream.body()).getString("errors[0].field")).isEqualTo(field);
        }
    }

    private static java.util.function.Predicate<EventStreamClient.Received> mentions(String text) {
        return r -> r.data() != null && r.data().contains(text);
    }

    @Test
    void aSearchAlertStreamSendsOnlyTheNoticesItsQueryMatchesAndABadQueryIsRefused() throws Exception {
        try (EventStreamClient stream = open("/api/stream?platform=4chan&q=%22age+assurance%22")) {
            assertThat(stream.status()).isEqualTo(200);
            write().body(NoticeWriteTest.notice("stream-alert-other", "A notice about record keeping.")).post("/api/notices").then().statusCode(201);
            write().body(NoticeWriteTest.notice("stream-alert-match", "Ofcom asks about its age assurance measures.")).post("/api/notices")
                    .then().statusCode(201);

            EventStreamClient.Received event = stream.next(r -> true, WAIT);
            assertThat(event).isNotNull();
            JsonPath data = new JsonPath(event.data());
            assertThat(data.getString("data.notice.slug")).isEqualTo("stream-alert-match");
            assertThat(data.getList("data.matched.q")).containsExactly("\"age assurance\"");
            assertThat(data.getList("data.matched.platform")).containsExactly("4chan");
            assertThat(stream.next(r -> r.data().contains("stream-alert-other"), Duration.ofSeconds(2))).isNull();
        }
        given().queryParam("q", "platform:(x").get("/api/stream").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("q"));
    }

    private EventStreamClient open(String path) throws Exception {
        return open(path, Map.of());
    }

    private EventStreamClient open(String path, Map<String, String> headers) throws Exception {
        return EventStreamClient.open(base, path.substring(1), headers);
    }

    private static RequestSpecification write() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON);
    }

    /** The head of the log as a mirror sees it (numbering what has committed). */
    private static long head() {
        long since = 0;
        while (true) {
            long next = given().get("/api/changes?limit=10000&since=" + since).then().statusCode(200).extract().jsonPath().getLong("next");
            if (next == since) {
                return since;
            }
            since = next;
        }
    }

    private static long seqOf(long since, String slug, String kind) {
        List<Map<String, Object>> items = given().get("/api/changes?limit=10000&since=" + since).then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> slug.equals(i.get("slug")) && kind.equals(i.get("kind")))
                .map(i -> ((Number) i.get("seq")).longValue()).findFirst().orElseThrow();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, user.orElse(""), password.orElse(""));
    }

    /** Appends a change the way another replica would (its follower notices by polling, within a second). */
    private void appendChange(String kind, String slug, int revision) throws Exception {
        try (Connection db = connect()) {
            long id;
            try (PreparedStatement find = db.prepareStatement("select id from notice where slug = ?")) {
                find.setString(1, slug);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            try (PreparedStatement insert = db.prepareStatement("insert into notice_change (kind, notice_id, slug, revision, visible, changed_by, changed_at)"
                    + " values (?, ?, ?, ?, true, 'another-replica', ?)")) {
                insert.setString(1, kind);
                insert.setLong(2, id);
                insert.setString(3, slug);
                insert.setInt(4, revision);
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        }
    }

    private void appendCatalogChanges(int count) throws Exception {
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("insert into notice_change (kind, slug, revision, visible, changed_by, changed_at)"
                + " values ('catalog', null, null, true, 'another-replica', ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
