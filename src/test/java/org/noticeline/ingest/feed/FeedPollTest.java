package org.noticeline.ingest.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeline.ingest.feed.FeedFixtures.Item;
import org.noticeline.notice.Notice;
import org.noticeline.outbound.LocalHttpServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.noticeline.ingest.feed.FeedFixtures.ADMIN;
import static org.noticeline.ingest.feed.FeedFixtures.atom;
import static org.noticeline.ingest.feed.FeedFixtures.createSource;
import static org.noticeline.ingest.feed.FeedFixtures.json;
import static org.noticeline.ingest.feed.FeedFixtures.notice;
import static org.noticeline.ingest.feed.FeedFixtures.page;
import static org.noticeline.ingest.feed.FeedFixtures.poll;
import static org.noticeline.ingest.feed.FeedFixtures.rss;
import static org.noticeline.ingest.feed.FeedFixtures.source;

/**
 * Polling against a real local server that serves feeds and pages, good and bad. Each test has its
 * own sources, paths and titles (the database is shared by the whole suite); notices are dated 2031
 * so no slug meets the corpus's.
 */
@QuarkusTest
class FeedPollTest {

    private static LocalHttpServer server;

    @Inject
    FeedPoller poller;

    @BeforeAll
    static void start() {
        server = LocalHttpServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void atomEntriesBecomeDraftsWithThePageTextAndTheEntryLinkAsSource() {
        server.serve("/a/feed.xml", "application/atom+xml", atom(server,
                new Item("urn:a:1", "Ofcom fines Atomforum for failing to answer", "/a/1", "2031-02-03T10:00:00Z", "<p>Atomforum was <b>fined</b>.</p>"),
                new Item("urn:a:2", "Ofcom opens an investigation into Atomboard", "/a/2", "2031-02-04T23:30:00-05:00", null)));
        server.serve("/a/1", "text/html; charset=utf-8", page("Ofcom fines Atomforum", "Ofcom has fined Atomforum £20,000.",
                "It must answer within ten days."));
        server.serve("/a/2", "text/html", "<html><body><nav>Menu</nav><article><h1>Investigation</h1>"
                + "<p>Ofcom opened an investigation.</p></article><footer>Footer</footer></body></html>");
        createSource(server, "a-atom", "atom", "/a/feed.xml", Map.of());

        JsonPath result = poll("a-atom");

        assertThat(result.getString("outcome")).isEqualTo("ok");
        assertThat(result.getInt("entries")).isEqualTo(2);
        assertThat(result.getInt("created")).isEqualTo(2);
        assertThat(result.getInt("failed")).isZero();

        JsonPath fine = notice("2031-02-03-ofcom-fines-atomforum-for-failing-to-answer");
        assertThat(fine.getString("status")).isEqualTo("draft");
        assertThat(fine.getString("title")).isEqualTo("Ofcom fines Atomforum for failing to answer");
        assertThat(fine.getString("date")).isEqualTo("2031-02-03");
        assertThat(fine.getString("type")).isEqualTo("press-release");
        assertThat(fine.getString("authority")).isEqualTo("ofcom");
        assertThat(fine.getString("jurisdiction")).isEqualTo("UK");
        assertThat(fine.getString("language")).isEqualTo("en");
        assertThat(fine.getList("sources", String.class)).containsExactly(server.url("/a/1"));
        assertThat(fine.getString("summary")).isEqualTo("Atomforum was fined.");
        assertThat(fine.getString("body")).isEqualTo("Ofcom fines Atomforum\n\nOfcom has fined Atomforum £20,000.\n\nIt must answer within ten days.");
        assertThat(fine.getString("revisions[0].changedBy")).isEqualTo("feed:a-atom");

        JsonPath investigation = notice("2031-02-05-ofcom-opens-an-investigation-into-atomboard");
        assertThat(investigation.getString("date")).as("23:30 at UTC-5 is the next day in UTC").isEqualTo("2031-02-05");
        assertThat(investigation.getString("body")).isEqualTo("Investigation\n\nOfcom opened an investigation.");
        assertThat(investigation.getString("summary")).isNull();

        given().queryParam("authority", "ofcom").queryParam("from", "2031-01-01").get("/api/notices").then().statusCode(200)
                .body("items.slug", not(hasItem("2031-02-03-ofcom-fines-atomforum-for-failing-to-answer")));
        JsonPath state = source("a-atom");
        assertThat(state.getString("state.lastOutcome")).isEqualTo("ok");
        assertThat(state.getLong("state.entriesSeen")).isEqualTo(2);
        assertThat(state.getLong("state.noticesCreated")).isEqualTo(2);
        assertThat(state.getString("state.lastSuccessAt")).isNotNull();
        assertThat(state.getString("state.lastError")).isNull();
    }

    @Test
    void pollingAgainCreatesNothingAndFetchesNoPageTwice() {
        server.serve("/b/feed.xml", "application/rss+xml", rss(server,
                new Item("b-1", "Ofcom names Rssforum", "/b/1", "Mon, 03 Mar 2031 09:00:00 GMT", "First."),
                new Item("b-2", "Ofcom names Rssboard", "/b/2", "Tue, 04 Mar 2031 09:00:00 GMT", "Second."),
                new Item("b-3", "Ofcom names Rsschat", "/b/3", "Wed, 05 Mar 2031 09:00:00 GMT", "Third.")));
        for (int i = 1; i <= 3; i++) {
            server.serve("/b/" + i, "text/html", page("Page " + i, "Text of page " + i + "."));
        }
        createSource(server, "b-rss-twice", "rss", "/b/feed.xml", Map.of());
        List<String> slugs = List.of("2031-03-03-ofcom-names-rssforum", "2031-03-04-ofcom-names-rssboard", "2031-03-05-ofcom-names-rsschat");

        assertThat(poll("b-rss-twice").getInt("created")).isEqualTo(3);
        int pageRequests = pageRequests("/b/1", "/b/2", "/b/3");
        JsonPath again = poll("b-rss-twice");

        assertThat(again.getString("outcome")).isEqualTo("ok");
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(3);
        assertThat(pageRequests).isEqualTo(3);
        assertThat(pageRequests("/b/1", "/b/2", "/b/3")).as("unchanged entries are not fetched again").isEqualTo(3);
        assertThat(server.requests("/b/feed.xml")).hasSize(2);
        for (String slug : slugs) {
            JsonPath notice = notice(slug);
            assertThat(notice.getInt("revision")).isEqualTo(1);
            assertThat(notice.getList("revisions")).hasSize(1);
        }
        assertThat(feedNotices(server.url("/b/"))).hasSize(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> FeedEntryRecord.countForSource("b-rss-twice"))).isEqualTo(3);
        assertThat(source("b-rss-twice").getLong("state.noticesCreated")).isEqualTo(3);
    }

    @Test
    void aFeedAnswering304IsASuccessfulPollWithNothingNew() {
        String lastModified = "Sat, 01 Mar 2031 10:00:00 GMT";
        server.serveWithValidators("/c/feed.xml", "application/atom+xml",
                atom(server, new Item("urn:c:1", "Ofcom thanks Etagforum", "/c/1", "2031-03-01T10:00:00Z", null)), "\"c-v1\"", lastModified);
        server.serve("/c/1", "text/html", page("Thanks", "Thank you."));
        createSource(server, "c-conditional", "atom", "/c/feed.xml", Map.of());

        assertThat(poll("c-conditional").getInt("created")).isEqualTo(1);
        assertThat(source("c-conditional").getString("state.etag")).isEqualTo("\"c-v1\"");
        assertThat(source("c-conditional").getString("state.lastModified")).isEqualTo(lastModified);
        assertThat(server.requests("/c/feed.xml").get(0).header("If-None-Match")).isNull();

        JsonPath notModified = poll("c-conditional");

        assertThat(notModified.getString("outcome")).isEqualTo("not-modified");
        assertThat(notModified.getInt("entries")).isZero();
        LocalHttpServer.Request conditional = server.requests("/c/feed.xml").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"c-v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo(lastModified);
        JsonPath state = source("c-conditional");
        assertThat(state.getString("state.lastOutcome")).isEqualTo("not-modified");
        assertThat(state.getString("state.lastSuccessAt")).isEqualTo(state.getString("state.lastPollAt"));
        assertThat(state.getString("state.etag")).isEqualTo("\"c-v1\"");
        assertThat(notice("2031-03-01-ofcom-thanks-etagforum").getInt("revision")).isEqualTo(1);

        server.serveWithValidators("/c/feed.xml", "application/atom+xml", atom(server,
                new Item("urn:c:1", "Ofcom thanks Etagforum", "/c/1", "2031-03-01T10:00:00Z", null),
                new Item("urn:c:2", "Ofcom thanks Etagboard", "/c/2", "2031-03-02T10:00:00Z", null)), "\"c-v2\"", "Sun, 02 Mar 2031 10:00:00 GMT");
        server.serve("/c/2", "text/html", page("Thanks again", "Thank you again."));
        JsonPath changed = poll("c-conditional");

        assertThat(changed.getString("outcome")).isEqualTo("ok");
        assertThat(changed.getInt("created")).isEqualTo(1);
        assertThat(changed.getInt("unchanged")).isEqualTo(1);
        assertThat(source("c-conditional").getString("state.etag")).isEqualTo("\"c-v2\"");
    }

    @Test
    void aChangedEntryMakesANewRevisionOfTheSameNotice() {
        String slug = "2031-04-01-ofcom-warns-jsonsite";
        server.serve("/d/list.json", "application/json", json(server, new Item("d-1", "Ofcom warns Jsonsite", "/d/1", "2031-04-01", null)));
        server.serve("/d/1", "text/html", page("Warning", "First version of the page."));
        createSource(server, "d-json-changes", "json", "/d/list.json", Map.of("type", "letter"));

        assertThat(poll("d-json-changes").getInt("created")).isEqualTo(1);
        assertThat(notice(slug).getString("type")).isEqualTo("letter");

        server.serve("/d/list.json", "application/json",
                json(server, new Item("d-1", "Ofcom warns Jsonsite (corrected)", "/d/1", "2031-04-01", "Now corrected.")));
        server.serve("/d/1", "text/html", page("Warning", "Corrected version of the page."));
        JsonPath changed = poll("d-json-changes");

        assertThat(changed.getInt("updated")).isEqualTo(1);
        assertThat(changed.getInt("created")).isZero();
        JsonPath notice = notice(slug);
        assertThat(notice.getString("title")).isEqualTo("Ofcom warns Jsonsite (corrected)");
        assertThat(notice.getString("summary")).isEqualTo("Now corrected.");
        assertThat(notice.getString("body")).isEqualTo("Warning\n\nCorrected version of the page.");
        assertThat(notice.getInt("revision")).isEqualTo(2);
        assertThat(notice.getString("revisions[0].changedBy")).isEqualTo("feed:d-json-changes");
        given().header("Authorization", "Bearer test-admin-secret").get("/api/notices/" + slug + "/revisions/1").then().statusCode(200)
                .body("content.body", org.hamcrest.Matchers.equalTo("Warning\n\nFirst version of the page."));

        JsonPath quiet = poll("d-json-changes");
        assertThat(quiet.getInt("unchanged")).isEqualTo(1);
        assertThat(notice(slug).getInt("revision")).isEqualTo(2);
        assertThat(source("d-json-changes").getLong("state.noticesUpdated")).isEqualTo(1);
    }

    @Test
    void failingSourcesAreRecordedAndDoNotStopTheNextOne() {
        server.serve("/e/malformed.xml", "application/rss+xml", "<rss><channel><item><title>Broken</channel>");
        server.serve("/e/500.xml", 500, "text/plain", "internal error");
        server.slow("/e/slow.xml", "application/rss+xml", rss(server), Duration.ofSeconds(4));
        server.large("/e/huge.xml", 1_100_000, true);
        for (int i = 1; i <= 5; i++) {
            server.redirect("/e/hop" + i, "/e/hop" + (i + 1));
        }
        server.serve("/e/hop6", "application/rss+xml", rss(server));
        server.serve("/e/good.json", "application/json", json(server, new Item("e-1", "Ofcom thanks Goodforum", "/e/1", "2031-05-01", null)));
        server.serve("/e/1", "text/html", page("Good", "A good page."));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("e-1-malformed", "not a readable Atom or RSS feed");
        expected.put("e-2-http-500", "answered HTTP 500");
        expected.put("e-3-slow", "within 2000 ms");
        expected.put("e-4-too-large", "larger than 1048576 bytes");
        expected.put("e-5-redirects", "more than 3 redirects");
        createSource(server, "e-1-malformed", "rss", "/e/malformed.xml", Map.of());
        createSource(server, "e-2-http-500", "rss", "/e/500.xml", Map.of());
        createSource(server, "e-3-slow", "rss", "/e/slow.xml", Map.of());
        createSource(server, "e-4-too-large", "rss", "/e/huge.xml", Map.of());
        createSource(server, "e-5-redirects", "rss", "/e/hop1", Map.of());
        createSource(server, "e-6-good", "json", "/e/good.json", Map.of());

        Map<String, PollResult> results = poller.pollDue().stream().collect(Collectors.toMap(PollResult::source, Function.identity()));

        assertThat(results).containsKeys("e-1-malformed", "e-2-http-500", "e-3-slow", "e-4-too-large", "e-5-redirects", "e-6-good");
        expected.forEach((id, error) -> {
            assertThat(results.get(id).outcome().id()).as(id).isEqualTo("failed");
            assertThat(results.get(id).error()).as(id).contains(error);
            JsonPath state = source(id);
            assertThat(state.getString("state.lastOutcome")).as(id).isEqualTo("failed");
            assertThat(state.getString("state.lastError")).as(id).contains(error);
            assertThat(state.getString("state.lastErrorAt")).as(id).isNotNull();
            assertThat(state.getString("state.lastSuccessAt")).as(id).isNull();
        });
        assertThat(results.get("e-6-good").outcome().id()).isEqualTo("ok");
        assertThat(results.get("e-6-good").created()).isEqualTo(1);
        assertThat(notice("2031-05-01-ofcom-thanks-goodforum").getString("body")).isEqualTo("Good\n\nA good page.");
        assertThat(source("e-6-good").getString("state.lastSuccessAt")).isNotNull();

        assertThat(poller.pollDue()).extracting(PollResult::source).as("polled sources wait for their interval")
                .doesNotContainAnyElementsOf(results.keySet());
    }

    @Test
    void aFailedEntryIsCountedRecordedAndTriedAgainWhileTheOthersGoOn() {
        server.serveWithValidators("/f/feed.xml", "application/rss+xml", rss(server,
                new Item("f-1", "Ofcom fines Partforum", "/f/1", "Thu, 01 May 2031 09:00:00 GMT", null),
                new Item("f-2", "Ofcom fines Partboard", "/f/2", "Fri, 02 May 2031 09:00:00 GMT", null),
                new Item("f-3", "Ofcom fines Partchat", "/f/3", "Sat, 03 May 2031 09:00:00 GMT", null)), "\"f-v1\"", null);
        server.serve("/f/1", "text/html", page("One", "First."));
        server.serve("/f/2", 500, "text/plain", "down for maintenance");
        server.serve("/f/3", "text/html", page("Three", "Third."));
        createSource(server, "f-partial", "rss", "/f/feed.xml", Map.of());

        JsonPath partial = poll("f-partial");

        assertThat(partial.getString("outcome")).isEqualTo("partial");
        assertThat(partial.getInt("created")).isEqualTo(2);
        assertThat(partial.getInt("failed")).isEqualTo(1);
        assertThat(partial.getList("problems", String.class)).containsExactly("entry f-2: page " + server.url("/f/2") + " answered HTTP 500");
        JsonPath state = source("f-partial");
        assertThat(state.getString("state.lastError")).isEqualTo("entry f-2: page " + server.url("/f/2") + " answered HTTP 500");
        assertThat(state.getLong("state.entriesFailed")).isEqualTo(1);
        assertThat(state.getString("state.etag")).as("kept only after a clean read").isNull();
        given().get("/api/notices/2031-05-02-ofcom-fines-partboard").then().statusCode(404);

        server.serve("/f/2", "text/html", page("Two", "Second."));
        JsonPath retried = poll("f-partial");

        assertThat(server.requests("/f/feed.xml").get(1).header("If-None-Match")).isNull();
        assertThat(retried.getString("outcome")).isEqualTo("ok");
        assertThat(retried.getInt("created")).isEqualTo(1);
        assertThat(retried.getInt("unchanged")).isEqualTo(2);
        assertThat(notice("2031-05-02-ofcom-fines-partboard").getString("body")).isEqualTo("Two\n\nSecond.");
        assertThat(source("f-partial").getString("state.etag")).isEqualTo("\"f-v1\"");
        assertThat(poll("f-partial").getString("outcome")).isEqualTo("not-modified");
        assertThat(feedNotices(server.url("/f/"))).hasSize(3);
    }

    @Test
    void theSameLinkNeverMakesASecondNotice() {
        String curatedSlug = "2023-12-18-ec-opens-dsa-proceedings-x";
        JsonPath curated = notice(curatedSlug);
        String curatedUrl = curated.getList("sources", String.class).get(0);
        server.serve("/g/first.json", "application/json", json(server, new Item("g-1", "Ofcom lists Dupforum", "/g/1", "2031-06-01", null)));
        server.serve("/g/1", "text/html", page("Dupforum", "Listed once."));
        server.serve("/g/3", "text/html", page("Twice", "Listed twice in one feed."));
        createSource(server, "g-first", "json", "/g/first.json", Map.of());
        assertThat(poll("g-first").getInt("created")).isEqualTo(1);

        server.serve("/g/second.json", "application/json", json(server,
                new Item("another-id", "The same page in another source", "/g/1", "2031-06-02", null),
                new Item("curated", "A curated notice's own page", curatedUrl, "2031-06-03", null),
                new Item("twice", "Ofcom lists Twiceforum", "/g/3", "2031-06-04", null),
                new Item("twice", "Ofcom lists Twiceforum", "/g/3", "2031-06-04", null)));
        createSource(server, "g-second", "json", "/g/second.json", Map.of());
        JsonPath second = poll("g-second");

        assertThat(second.getInt("created")).isEqualTo(1);
        assertThat(second.getInt("duplicates")).isEqualTo(2);
        assertThat(second.getInt("unchanged")).isEqualTo(1);
        assertThat(second.getInt("failed")).as("a known link is never fetched (this one is not even reachable here)").isZero();
        assertThat(server.requests("/g/1")).hasSize(1);
        given().get("/api/notices/2031-06-02-the-same-page-in-another-source").then().statusCode(404);
        given().get("/api/notices/2031-06-03-a-curated-notice-s-own-page").then().statusCode(404);
        assertThat(notice(curatedSlug).getInt("revision")).isEqualTo(curated.getInt("revision"));
        assertThat(feedNotices(server.url("/g/"))).hasSize(2);

        JsonPath again = poll("g-second");
        assertThat(again.getInt("created") + again.getInt("duplicates") + again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(4);
    }

    @Test
    void aTakenSlugGetsAShortHashOfTheEntry() {
        Item same = new Item("x", "Ofcom publishes its annual plan", "/j/1", "2031-07-01", null);
        server.serve("/j/one.json", "application/json", json(server, same));
        server.serve("/j/two.json", "application/json", json(server, new Item("x", same.title(), "/j/2", same.published(), null)));
        server.serve("/j/1", "text/html", page("Plan", "The plan, from one source."));
        server.serve("/j/2", "text/html", page("Plan", "The plan, from another."));
        createSource(server, "j-one", "json", "/j/one.json", Map.of());
        createSource(server, "j-two", "json", "/j/two.json", Map.of());

        poll("j-one");
        poll("j-two");

        String plain = "2031-07-01-ofcom-publishes-its-annual-plan";
        String hashed = EntryNotice.slugWithHash(plain, "j-two", "x");
        assertThat(notice(plain).getList("sources", String.class)).containsExactly(server.url("/j/1"));
        assertThat(notice(hashed).getList("sources", String.class)).containsExactly(server.url("/j/2"));
    }

    @Test
    void aPublishingSourceMakesPublishedNotices() {
        String slug = "2031-08-01-ofcom-publishes-pubforum-findings";
        server.serve("/h/feed.xml", "application/atom+xml",
                atom(server, new Item("urn:h:1", "Ofcom publishes Pubforum findings", "/h/1", "2031-08-01T09:00:00Z", null)));
        server.serve("/h/1", "text/html", page("Findings", "The findings."));
        createSource(server, "h-publishing", "atom", "/h/feed.xml", Map.of("publish", true));
        try {
            assertThat(poll("h-publishing").getInt("created")).isEqualTo(1);
            assertThat(notice(slug).getString("status")).isEqualTo("published");
            given().queryParam("authority", "ofcom").queryParam("from", "2031-08-01").get("/api/notices").then().statusCode(200)
                    .body("items.slug", hasItem(slug));
        } finally {
            // Other tests check that every public notice cites an https source; this one cites the local server.
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "test fixture"))
                    .delete("/api/notices/" + slug);
        }
    }

    @Test
    void aNoticeAnEditorChangedIsNotOverwrittenByTheFeed() {
        String slug = "2031-09-01-ofcom-reviews-editforum";
        server.serve("/i/list.json", "application/json", json(server, new Item("i-1", "Ofcom reviews Editforum", "/i/1", "2031-09-01", null)));
        server.serve("/i/1", "text/html", page("Review", "As published."));
        createSource(server, "i-edited", "json", "/i/list.json", Map.of());
        poll("i-edited");

        Map<String, Object> edited = new HashMap<>();
        edited.put("title", "Ofcom reviews Editforum");
        edited.put("date", "2031-09-01");
        edited.put("type", "decision");
        edited.put("authority", "ofcom");
        edited.put("jurisdiction", "UK");
        edited.put("sources", List.of(server.url("/i/1")));
        edited.put("body", "Rewritten by a curator.");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(edited).put("/api/notices/" + slug).then().statusCode(200);
        server.serve("/i/list.json", "application/json",
                json(server, new Item("i-1", "Ofcom reviews Editforum again", "/i/1", "2031-09-01", null)));
        server.serve("/i/1", "text/html", page("Review", "Changed upstream."));

        JsonPath result = poll("i-edited");

        assertThat(result.getInt("kept")).isEqualTo(1);
        assertThat(result.getInt("updated")).isZero();
        JsonPath notice = notice(slug);
        assertThat(notice.getString("body")).isEqualTo("Rewritten by a curator.");
        assertThat(notice.getString("type")).isEqualTo("decision");
        assertThat(notice.getInt("revision")).isEqualTo(2);
    }

    @Test
    void unusableEntriesAreCountedAsFailedWithTheirReason() {
        server.serve("/k/list.json", "application/json", json(server,
                new Item("k-1", "Ofcom has no link here", null, "2031-10-01", null),
                new Item("k-2", "Ofcom dates badly", "/k/2", "last tuesday", null),
                new Item("k-3", null, "/k/3", "2031-10-03", null),
                new Item("k-4", null, "/k/4", "2031-10-04", null)));
        server.serve("/k/3", "text/html", "<html><head><title>Title from the page</title></head><body><p>Text.</p></body></html>");
        server.serve("/k/4", "text/html", "<html><body><p>No title anywhere.</p></body></html>");
        createSource(server, "k-unusable", "json", "/k/list.json", Map.of());

        JsonPath result = poll("k-unusable");

        assertThat(result.getString("outcome")).isEqualTo("partial");
        assertThat(result.getInt("created")).isEqualTo(1);
        assertThat(result.getInt("failed")).isEqualTo(3);
        assertThat(result.getList("problems", String.class)).containsExactly(
                "entry k-1: entry has no link",
                "entry k-2: published 'last tuesday' is not an ISO date or date-time",
                "entry k-4: not a valid notice: title: missing title");
        assertThat(notice("2031-10-03-title-from-the-page").getString("title")).isEqualTo("Title from the page");
        assertThat(source("k-unusable").getString("state.lastError")).isEqualTo("entry k-4: not a valid notice: title: missing title");
    }

    private static int pageRequests(String... paths) {
        return java.util.Arrays.stream(paths).mapToInt(p -> server.requests(p).size()).sum();
    }

    /** Slugs of the notices citing a page under {@code prefix}, straight from the database. */
    private static List<String> feedNotices(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> Notice.getEntityManager()
                .createQuery("select distinct n.slug from Notice n join n.sources s where s like :prefix", String.class)
                .setParameter("prefix", prefix + "%").getResultList());
    }
}
