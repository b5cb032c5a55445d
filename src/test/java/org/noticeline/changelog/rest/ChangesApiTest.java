package org.noticeline.changelog.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.rest.NoticeWriteTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /api/changes} as a mirror uses it: every change once, in order, drafts hidden from anonymous readers. */
@QuarkusTest
class ChangesApiTest {

    private static final String ADMIN = "Bearer test-admin-secret";

    /** A change as the API gives it. */
    record Item(long seq, String kind, String slug, Integer revision, String at) {
    }

    @Test
    void everyWriteIsOneChangeInOrderAndAMirrorGetsEachOnce() {
        long start = head(null);
        Map<String, Object> notice = NoticeWriteTest.notice("changes-life", "First text.");
        write().body(notice).post("/api/notices").then().statusCode(201);
        notice.put("body", "Second text.");
        write().body(notice).put("/api/notices/changes-life").then().statusCode(200);
        write().body(Map.of("reason", "sent in error")).delete("/api/notices/changes-life").then().statusCode(200);
        write().body(Map.of("reason", "was right after all")).post("/api/notices/changes-life/restore").then().statusCode(200)
                .body("status", equalTo("published")).body("revision", equalTo(4));

        List<Item> mine = await(start, null, "changes-life", 4);
        assertThat(mine).extracting(Item::kind).containsExactly("created", "revised", "withdrawn", "restored");
        assertThat(mine).extracting(Item::revision).containsExactly(1, 2, 3, 4);
        assertThat(mine).allSatisfy(i -> assertThat(i.at()).isNotBlank());

        List<Item> onePage = page(start, 10_000, null).getList("items", Item.class);
        List<Item> mirrored = new ArrayList<>();
        long next = start;
        for (int calls = 0; calls < 1_000; calls++) {
            JsonPath page = page(next, 2, null);
            List<Item> items = page.getList("items", Item.class);
            long reported = page.getLong("next");
            if (items.isEmpty()) {
                assertThat(reported).isEqualTo(next);
                break;
            }
            assertThat(items.size()).isLessThanOrEqualTo(2);
            assertThat(reported).isEqualTo(items.get(items.size() - 1).seq());
            mirrored.addAll(items);
            next = reported;
        }
        assertThat(mirrored).extracting(Item::seq).isSorted().doesNotHaveDuplicates();
        assertThat(mirrored.subList(0, onePage.size())).isEqualTo(onePage);
    }

    @Test
    void aDraftIsHiddenUntilPublishedAndThenIsOnePublishedChange() {
        long start = head(ADMIN);
        String slug = given().header("Authorization", ADMIN)
                .multiPart("file", "draft.txt", "Ofcom\nLondon, 3 March 2025\nA letter to 4chan under section 102 of the Online Safety Act 2023."
                        .getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "A draft the change log hides").post("/api/documents").then().statusCode(201)
                .body("status", equalTo("draft")).extract().path("slug");
        await(start, ADMIN, slug, 1);
        assertThat(all(start, null)).noneMatch(i -> slug.equals(i.slug()));

        given().header("Authorization", ADMIN).post("/api/notices/" + slug + "/publish").then().statusCode(200);
        List<Item> seen = await(start, null, slug, 1);
        assertThat(seen).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("published");
            assertThat(i.revision()).isEqualTo(2);
        });
        assertThat(await(start, ADMIN, slug, 2)).extracting(Item::kind).containsExactly("created", "published");
        // Off the timelines again: its only source is this test server's own copy, not a public https address.
        write().body(Map.of("reason", "test over")).delete("/api/notices/" + slug).then().statusCode(200);
    }

    @Test
    void aDiscardedDraftStaysHiddenAndItsRestorationToo() {
        long start = head(ADMIN);
        String slug = given().header("Authorization", ADMIN)
                .multiPart("file", "discard.txt", "Ofcom\nLondon, 4 March 2025\nAnother letter to 4chan.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "A draft turned down").post("/api/documents").then().statusCode(201).extract().path("slug");
        write().body(Map.of("reason", "duplicate")).delete("/api/notices/" + slug).then().statusCode(200).body("status", equalTo("discarded"));
        write().post("/api/notices/" + slug + "/restore").then().statusCode(200).body("status", equalTo("draft"));

        assertThat(await(start, ADMIN, slug, 3)).extracting(Item::kind).containsExactly("created", "withdrawn", "restored");
        assertThat(all(start, null)).noneMatch(i -> slug.equals(i.slug()));
    }

    @Test
    void restoringANoticeThatIsNotWithdrawnIsAConflictAndAnUnknownOneIsNotFound() {
        write().body(NoticeWriteTest.notice("changes-restore-live", "Live.")).post("/api/notices").then().statusCode(201);
        write().post("/api/notices/changes-restore-live/restore").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("only a withdrawn notice"));
        write().post("/api/notices/changes-no-such-notice/restore").then().statusCode(404);
        given().post("/api/notices/changes-restore-live/restore").then().statusCode(401);
    }

    @Test
    void restoreHonoursIfMatch() {
        write().body(NoticeWriteTest.notice("changes-restore-etag", "Live.")).post("/api/notices").then().statusCode(201);
        write().body(Map.of("reason", "test")).delete("/api/notices/changes-restore-etag").then().statusCode(200);
        write().header("If-Match", "\"1\"").post("/api/notices/changes-restore-etag/restore").then().statusCode(412);
        write().header("If-Match", "\"2\"").post("/api/notices/changes-restore-etag/restore").then().statusCode(200).header("ETag", "\"3\"");
    }

    /** A field named twice is ambiguous: a 400 naming it, for every JSON body (it was a 500 for the one-field reason). */
    @Test
    void aJsonFieldNamedTwiceIsA400() {
        write().body(NoticeWriteTest.notice("changes-duplicate-key", "Live.")).post("/api/notices").then().statusCode(201);
        write().body("{\"reason\": \"a\", \"reason\": \"b\"}").delete("/api/notices/changes-duplicate-key").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Duplicate field 'reason'"));
        write().body(Map.of("reason", "test")).delete("/api/notices/changes-duplicate-key").then().statusCode(200);
        write().body("{\"reason\": \"a\", \"reason\": \"b\"}").post("/api/notices/changes-duplicate-key/restore").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Duplicate field 'reason'"));
        write().body("{\"slug\": \"changes-duplicate-title\", \"title\": \"One\", \"title\": \"Two\"}").post("/api/notices").then()
                .statusCode(400).body("detail", containsString("Duplicate field 'title'"));
        given().get("/api/notices/changes-duplicate-key").then().statusCode(200).body("status", equalTo("withdrawn")).body("revision", equalTo(2));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (String query : List.of("since=-1", "since=abc", "since=1.5", "since=99999999999999999999", "since=1&since=2")) {
            given().get("/api/changes?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("since"));
        }
        for (String query : List.of("limit=0", "limit=10001", "limit=x", "limit=-5")) {
            given().get("/api/changes?" + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().get("/api/changes?drafts=maybe").then().statusCode(400).body("errors[0].field", equalTo("drafts"));
        given().get("/api/changes?drafts=true").then().statusCode(401).contentType("application/problem+json");
        String ingest = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "changes-ingest", "scopes", List.of("ingest"))).post("/api/admin/tokens").then().statusCode(201)
                .extract().path("token");
        given().header("Authorization", "Bearer " + ingest).get("/api/changes?drafts=true").then().statusCode(403);
        given().get("/api/changes?limit=10000").then().statusCode(200);
    }

    /** since goes up to the largest number it names in its own 400; what is not digits (a trailing NUL) is refused. */
    @Test
    void sinceTakesEveryNumberItAdvertisesAndNothingElse() {
        long largest = Long.MAX_VALUE - 1;
        given().get("/api/changes?since=" + largest).then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", equalTo(largest));
        given().get("/api/changes?since=" + Long.MAX_VALUE).then().statusCode(400)
                .body("errors[0].message", equalTo("since must be between 0 and " + largest));
        given().get("/api/changes?since=123456789012345678901234567890").then().statusCode(400)
                .body("errors[0].message", equalTo("since must be between 0 and " + largest));
        for (String raw : List.of("1%00", "%001", "1%01", "%EF%BC%91", "1%E2%80%8B")) {
            given().urlEncodingEnabled(false).get("/api/changes?since=" + raw).then().statusCode(400).body("errors[0].field", equalTo("since"));
        }
        given().urlEncodingEnabled(false).get("/api/changes?since=%201%09&limit=1").then().statusCode(200);
    }

    @Test
    void nothingNewAnswersSinceAsNext() {
        long end = head(null) + 1_000_000;
        given().get("/api/changes?since=" + end).then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", equalTo((int) end));
    }

    private static RequestSpecification write() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON);
    }

    private static JsonPath page(long since, int limit, String auth) {
        RequestSpecification request = given();
        if (auth != null) {
            request = request.header("Authorization", auth).queryParam("drafts", true);
        }
        return request.queryParam("since", since).queryParam("limit", limit).get("/api/changes").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    /** The log's current end as this reader sees it. */
    private static long head(String auth) {
        List<Item> items = all(0, auth);
        return items.isEmpty() ? 0 : items.get(items.size() - 1).seq();
    }

    private static List<Item> all(long since, String auth) {
        List<Item> items = new ArrayList<>();
        long next = since;
        while (true) {
            JsonPath page = page(next, 10_000, auth);
            List<Item> got = page.getList("items", Item.class);
            items.addAll(got);
            if (got.size() < 10_000) {
                return items;
            }
            next = page.getLong("next");
        }
    }

    /** The changes of {@code slug} after {@code since} once there are {@code count} (on PostgreSQL numbering may trail a commit). */
    private static List<Item> await(long since, String auth, String slug, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<Item> mine = all(since, auth).stream().filter(i -> slug.equals(i.slug())).toList();
            if (mine.size() >= count || System.nanoTime() > deadline) {
                assertThat(mine).hasSize(count);
                return mine;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
