package org.noticeline.syndication;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.groups.Tuple;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.NoticeDates;
import org.noticeline.notice.rest.NoticeWriteTest;
import org.noticeline.web.PublicUrls;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TimelineFeedTest {

    /** Slugs of this run: the database is shared with the other tests (and, on PostgreSQL, may outlive a run). */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    PublicUrls urls;

    private static String slug(String name) {
        return "feed-" + name + "-" + RUN;
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer test-admin-secret").contentType(ContentType.JSON);
    }

    /** A published notice of Ofcom about {@code platform}, in {@code proceeding}, written through the API. */
    private static Map<String, Object> write(String slug, String platform, String proceeding, String summary) {
        Map<String, Object> notice = NoticeWriteTest.notice(slug, "Ofcom wrote under section 102 of the Online Safety Act 2023.");
        notice.put("title", "Ofcom writes (" + slug + ")");
        notice.put("platforms", List.of(platform));
        notice.put("proceeding", proceeding);
        notice.put("summary", summary);
        asAdmin().body(notice).put("/api/notices/" + slug).then().statusCode(201);
        return notice;
    }

    /** {@code path} as a page or feed links it, already percent-encoded. */
    private static String fetch(String path) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString();
    }

    private static Feed atom(String path) {
        try {
            return (Feed) new WireFeedInput().build(new StringReader(fetch(path)));
        } catch (Exception e) {
            throw new AssertionError("not an Atom feed: " + path, e);
        }
    }

    private static Channel rss(String path) {
        try {
            return (Channel) new WireFeedInput().build(new StringReader(fetch(path)));
        } catch (Exception e) {
            throw new AssertionError("not an RSS feed: " + path, e);
        }
    }

    /** Feeds follow the change log asynchronously: what {@code read} reads once it is {@code ready}, within 5 seconds. */
    private static <T> T until(Supplier<T> read, Predicate<T> ready) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (true) {
            T value = read.get();
            if (ready.test(value)) {
                return value;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the feed did not get there within 5 s: " + value);
            }
            pause();
        }
    }

    private static Feed atomUntil(String path, Predicate<Feed> ready) {
        return until(() -> atom(path), ready);
    }

    private static Channel rssUntil(String path, String slug) {
        return until(() -> rss(path), channel -> channel.getItems().stream().anyMatch(i -> i.getGuid().getValue().equals(TagUris.notice(slug))));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(Feed feed) {
        return feed.getEntries().stream().map(Entry::getId).toList();
    }

    private static Predicate<Feed> holds(String slug) {
        return feed -> ids(feed).contains(TagUris.notice(slug));
    }

    private static Entry entry(Feed feed, String slug) {
        return feed.getEntries().stream().filter(e -> e.getId().equals(TagUris.notice(slug))).findFirst()
                .orElseThrow(() -> new AssertionError(slug + " is not in the feed"));
    }

    private static Instant updatedAt(String slug) {
        return Instant.parse(given().get("/api/notices/" + slug).then().statusCode(200).extract().path("updatedAt"));
    }

    @Test
    void atomEntriesHaveTagIdsPublicLinksCategoriesAuthorAndDates() {
        String slug = slug("atom");
        write(slug, "4chan", "ofcom-4chan", "Ofcom asked 4chan for its risk assessment <b>now</b>.");

        Feed feed = atomUntil("/feeds/notices.atom?platform=4chan", holds(slug));
        Entry entry = entry(feed, slug);

        assertThat(entry.getId()).isEqualTo("tag:noticeline.org,2024:notice/" + slug);
        assertThat(entry.getTitle()).isEqualTo("Ofcom writes (" + slug + ")");
        assertThat(entry.getAlternateLinks()).extracting(Link::getHref).containsExactly(urls.base() + "/notices/" + slug);
        assertThat(entry.getAuthors()).extracting(a -> a.getName()).containsExactly("Ofcom");
        assertThat(entry.getPublished().toInstant()).isEqualTo(Instant.parse("2025-04-14T00:00:00Z"));
        assertThat(entry.getUpdated().toInstant()).isEqualTo(updatedAt(slug).truncatedTo(ChronoUnit.SECONDS));
        assertThat(entry.getSummary().getType()).isEqualTo("text");
        assertThat(entry.getSummary().getValue()).isEqualTo("Ofcom asked 4chan for its risk assessment <b>now</b>.");
        assertThat(entry.getCategories()).extracting(Category::getScheme, Category::getTerm).contains(
                Tuple.tuple(urls.base() + "/types", "request-for-information"),
                Tuple.tuple(urls.base() + "/rules", "UK-OSA:102"),
                Tuple.tuple(urls.base() + "/platforms", "4chan"),
                Tuple.tuple(urls.base() + "/proceedings", "ofcom-4chan"));
        assertThat(entry.getCategories()).extracting(Category::getTerm).doesNotContain(FeedItem.WITHDRAWN);

        assertThat(feed.getId()).isEqualTo("tag:noticeline.org,2024:feed/notices?platform=4chan");
        assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(Link::getHref)
                .containsExactly(urls.base() + "/feeds/notices.atom?platform=4chan");
        assertThat(feed.getAlternateLinks()).extracting(Link::getHref).containsExactly(urls.base() + "/platforms/4chan");
        assertThat(feed.getUpdated()).isEqualTo(feed.getEntries().get(0).getUpdated());
        assertThat(feed.getEntries()).hasSizeLessThanOrEqualTo(FeedSelection.ENTRIES);
    }

    @Test
    void idsAndLinksNeverComeFromTheRequestsHost() {
        String slug = slug("host");
        write(slug, "4chan", "ofcom-4chan", "Host test.");
        atomUntil("/feeds/notices.atom?platform=4chan", holds(slug));

        // A selection no other request asked for, so that this request is the one that renders it.
        String xml = given().header("Host", "attacker.example").get("/feeds/notices.atom?platform=4chan&authority=ofcom&from=2025-04-14&to=2025-04-14")
                .then().statusCode(200)
                .contentType("application/atom+xml;charset=UTF-8").extract().asString();
        assertThat(xml).contains("tag:noticeline.org,2024:notice/" + slug, urls.base() + "/notices/" + slug).doesNotContain("attacker.example");
    }

    @Test
    void readersThatAskForPlainXmlAreServed() {
        given().accept("text/xml").get("/feeds/notices.atom?platform=4chan").then().statusCode(200).contentType("application/atom+xml;charset=UTF-8");
        given().accept("application/xml").get("/feeds/notices.rss?platform=4chan").then().statusCode(200).contentType("application/rss+xml;charset=UTF-8");
    }

    @Test
    void rssHasTheSameItemsWithTheTagUriAsGuidAndTheUpdateAsPubDate() throws Exception {
        String slug = slug("rss");
        write(slug, "4chan", "ofcom-4chan", "Fines & <penalties> of Ofcom's.");
        Feed atom = atomUntil("/feeds/notices.atom?platform=4chan", holds(slug));

        Channel channel = rssUntil("/feeds/notices.rss?platform=4chan", slug);
        String xml = given().get("/feeds/notices.rss?platform=4chan").then().statusCode(200)
                .contentType("application/rss+xml;charset=UTF-8").extract().asString();
        Item item = channel.getItems().stream().filter(i -> i.getGuid().getValue().equals(TagUris.notice(slug))).findFirst().orElseThrow();

        assertThat(channel.getItems()).extracting(i -> i.getGuid().getValue()).containsExactlyElementsOf(ids(atom));
        assertThat(item.getGuid().isPermaLink()).isFalse();
        assertThat(item.getLink()).isEqualTo(urls.base() + "/notices/" + slug);
        assertThat(item.getPubDate()).isEqualTo(entry(atom, slug).getUpdated());
        assertThat(item.getCategories()).extracting(c -> c.getDomain() + " " + c.getValue())
                .contains(urls.base() + "/rules UK-OSA:102", urls.base() + "/platforms 4chan");
        // The description is HTML, so the plain text arrives escaped once more and a reader shows it as written.
        assertThat(item.getDescription().getValue()).isEqualTo("Fines &amp; &lt;penalties&gt; of Ofcom's.");
        assertThat(channel.getLink()).isEqualTo(urls.base() + "/platforms/4chan");
        Element self = Jsoup.parse(xml, Parser.xmlParser()).selectFirst("channel > atom|link[rel=self]");
        assertThat(self).isNotNull();
        assertThat(self.attr("href")).isEqualTo(urls.base() + "/feeds/notices.rss?platform=4chan");

        SyndFeed synd = new SyndFeedInput().build(new StringReader(xml));
        SyndEntry read = synd.getEntries().stream().filter(e -> e.getUri().equals(TagUris.notice(slug))).findFirst().orElseThrow();
        assertThat(read.getAuthor()).isEqualTo("Ofcom");
    }

    @Test
    void aRevisionMovesItsEntryToTheTopWithANewUpdatedAndNoDuplicate() {
        String revised = slug("revised");
        String other = slug("other");
        Map<String, Object> notice = write(revised, "4chan", "ofcom-4chan", "First version.");
        write(other, "4chan", "ofcom-4chan", "Written after the first.");
        String path = "/feeds/notices.atom?proceeding=ofcom-4chan";
        Feed before = atomUntil(path, holds(revised).and(holds(other)));
        assertThat(ids(before).indexOf(TagUris.notice(other))).isLessThan(ids(before).indexOf(TagUris.notice(revised)));
        Instant firstUpdate = entry(before, revised).getUpdated().toInstant();
        Instant firstUpdateAt = updatedAt(revised);

        notice.put("summary", "Corrected version.");
        asAdmin().body(notice).put("/api/notices/" + revised).then().statusCode(200).body("revision", equalTo(2));

        Feed after = atomUntil(path, feed -> entry(feed, revised).getSummary().getValue().equals("Corrected version."));
        assertThat(ids(after).get(0)).isEqualTo(TagUris.notice(revised));
        assertThat(ids(after)).filteredOn(TagUris.notice(revised)::equals).hasSize(1);
        assertThat(after.getEntries()).hasSameSizeAs(before.getEntries());
        // Atom dates have whole seconds: the entry shows the new update time, which the API says moved.
        assertThat(updatedAt(revised)).isAfter(firstUpdateAt);
        assertThat(entry(after, revised).getUpdated().toInstant()).isEqualTo(updatedAt(revised).truncatedTo(ChronoUnit.SECONDS))
                .isAfterOrEqualTo(firstUpdate);
        assertThat(entry(after, revised).getPublished()).isEqualTo(entry(before, revised).getPublished());
        assertThat(after.getUpdated()).isEqualTo(entry(after, revised).getUpdated());
    }

    @Test
    void aWithdrawnNoticeStaysInTheFeedMarkedWithItsReason() {
        String slug = slug("withdrawn");
        write(slug, "4chan", "ofcom-4chan", "Posted in error.");
        atomUntil("/feeds/notices.atom?platform=4chan", holds(slug));

        asAdmin().body(Map.of("reason", "duplicate of another notice")).delete("/api/notices/" + slug).then().statusCode(200);

        Feed feed = atomUntil("/feeds/notices.atom?platform=4chan", f -> entry(f, slug).getTitle().startsWith("[Withdrawn] "));
        Entry entry = entry(feed, slug);
        assertThat(ids(feed).get(0)).isEqualTo(TagUris.notice(slug));
        assertThat(entry.getSummary().getValue()).contains("duplicate of another notice", "Posted in error.");
        assertThat(entry.getCategories()).extracting(Category::getScheme, Category::getTerm)
                .contains(Tuple.tuple(urls.base() + "/status", FeedItem.WITHDRAWN));
        Item item = until(() -> rss("/feeds/notices.rss?platform=4chan"), c -> c.getItems().get(0).getTitle().startsWith("[Withdrawn] "))
                .getItems().get(0);
        assertThat(item.getGuid().getValue()).isEqualTo(TagUris.notice(slug));
        assertThat(item.getCategories()).extracting(c -> c.getValue()).contains(FeedItem.WITHDRAWN);
    }

    /**
     * Writes accept characters that XML 1.0 cannot carry (C0 controls, U+FFFE); a feed that holds such a notice leaves
     * them out and stays a well-formed document, instead of failing for every reader of every feed that holds it.
     */
    @Test
    void charactersXmlCannotCarryAreLeftOutAndTheFeedStaysWellFormed() throws Exception {
        String slug = slug("control");
        Map<String, Object> notice = NoticeWriteTest.notice(slug, "Ofcom wrote\u000B to 4chan\u0001 under section 102.");
        notice.put("title", "Ofcom\u0007 writes \uFFFE(" + slug + ")");
        asAdmin().body(notice).put("/api/notices/" + slug).then().statusCode(201);

        for (String path : List.of("/feeds/notices.atom?platform=4chan", "/feeds/notices.rss?platform=4chan")) {
            String xml = until(() -> fetch(path), body -> body.contains(TagUris.notice(slug)));
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new StringReader(xml)));
            assertThat(xml).contains("Ofcom writes (" + slug + ")", "Ofcom wrote to 4chan under section 102.");
        }

        asAdmin().body(Map.of("reason", "sent\u0002 twice")).delete("/api/notices/" + slug).then().statusCode(200);
        Feed feed = atomUntil("/feeds/notices.atom?platform=4chan", f -> entry(f, slug).getTitle().startsWith("[Withdrawn] "));
        assertThat(entry(feed, slug).getSummary().getValue()).startsWith("Withdrawn (sent twice).");
        assertThat(rss("/feeds/notices.rss?platform=4chan").getItems()).anyMatch(i -> i.getGuid().getValue().equals(TagUris.notice(slug)));
    }

    @Test
    void draftsAndDiscardedNoticesAreInNoFeed() {
        String title = "Ofcom letter to 4chan awaiting review " + RUN;
        String draft = given().header("Authorization", "Bearer test-admin-secret")
                .multiPart("file", "letter.txt", "Ofcom wrote to 4chan on 3 March 2025 about its duties.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", title).multiPart("type", "letter").multiPart("authority", "ofcom")
                .multiPart("source", "https://www.ofcom.org.uk/").post("/api/documents").then().statusCode(201)
                .body("status", equalTo("draft")).extract().path("slug");
        // A public write after the draft: once the feed shows it, it was rendered after the draft was stored.
        String marker = slug("after-draft");
        write(marker, "4chan", "ofcom-4chan", "Written after a draft.");
        Feed feed = atomUntil("/feeds/notices.atom?platform=4chan", holds(marker));
        assertThat(ids(feed)).doesNotContain(TagUris.notice(draft));
        assertThat(fetch("/feeds/notices.rss")).doesNotContain(TagUris.notice(draft));

        asAdmin().body(Map.of("reason", "not a notice")).delete("/api/notices/" + draft).then().statusCode(200)
                .body("status", equalTo("discarded"));
        String second = slug("after-discard");
        write(second, "4chan", "ofcom-4chan", "Written after a discard.");
        assertThat(ids(atomUntil("/feeds/notices.atom", holds(second)))).doesNotContain(TagUris.notice(draft));
    }

    @Test
    void filtersNarrowTheFeed() {
        String on4chan = slug("narrow-4chan");
        String onX = slug("narrow-x");
        write(on4chan, "4chan", "ofcom-4chan", "About 4chan.");
        write(onX, "x", "ofcom-x-grok", "About X.");

        assertThat(ids(atomUntil("/feeds/notices.atom?platform=x", holds(onX)))).doesNotContain(TagUris.notice(on4chan));
        assertThat(ids(atomUntil("/feeds/notices.atom?platform=4chan", holds(on4chan)))).doesNotContain(TagUris.notice(onX));
        assertThat(ids(atomUntil("/feeds/notices.atom?proceeding=ofcom-x-grok", holds(onX)))).doesNotContain(TagUris.notice(on4chan));
        assertThat(ids(atomUntil("/feeds/notices.atom?platform=x,4chan&authority=ofcom", holds(onX).and(holds(on4chan))))).isNotEmpty();
        assertThat(ids(atom("/feeds/notices.atom?platform=4chan&proceeding=ofcom-x-grok")))
                .doesNotContain(TagUris.notice(onX), TagUris.notice(on4chan));
        Channel channel = rss("/feeds/notices.rss?proceeding=ofcom-x-grok");
        assertThat(channel.getItems()).extracting(i -> i.getGuid().getValue()).doesNotContain(TagUris.notice(on4chan));
        assertThat(channel.getLink()).isEqualTo(urls.base() + "/proceedings/ofcom-x-grok");
    }

    @Test
    void badFiltersAreTheSame400ProblemsAsTheApis() {
        for (String query : List.of("platform=myspace", "rule=DSA:9999", "from=yesterday", "type=memo", "from=2025-01-01&from=2025-02-01")) {
            Response api = given().get("/api/notices?" + query);
            for (String feed : List.of("/feeds/notices.atom?", "/feeds/notices.rss?")) {
                Response response = given().get(feed + query);
                assertThat(response.statusCode()).as(feed + query).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getList("errors")).isEqualTo(api.jsonPath().getList("errors"));
                assertThat(response.jsonPath().getString("detail")).isEqualTo(api.jsonPath().getString("detail"));
            }
        }
    }

    @Test
    void conditionalGetsAnswer304WhileTheFeedIsUnchanged() {
        String slug = slug("conditional");
        write(slug, "4chan", "ofcom-4chan", "Conditional.");
        String path = "/feeds/notices.atom?proceeding=ofcom-4chan&platform=4chan";
        atomUntil(path, holds(slug));
        Response first = given().get(path);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(first.header("Vary")).isEqualTo("Accept-Encoding");
        Instant newest = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(newest).isEqualTo(updatedAt(slug).truncatedTo(ChronoUnit.SECONDS));

        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag)
                .header("Cache-Control", "public, max-age=60").header("Last-Modified", lastModified);
        given().header("If-None-Match", "\"other\", W/" + etag).get(path).then().statusCode(304);
        given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(newest.minusSeconds(1).atZone(ZoneOffset.UTC));
        given().header("If-Modified-Since", earlier).get(path).then().statusCode(200);
        // If-None-Match decides when it is sent: a stale tag gets the feed even with a current date.
        given().header("If-None-Match", "\"stale\"").header("If-Modified-Since", lastModified).get(path).then().statusCode(200);
        assertThat(given().get(path.replace(".atom", ".rss")).header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void anEmptyFeedIsValidAndLastModifiedAtTheEpoch() {
        String path = "/feeds/notices.atom?platform=4chan&type=statute&from=" + NoticeDates.latest();
        Response response = given().get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Last-Modified")).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        Feed feed = atom(path);
        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.EPOCH);
        assertThat(feed.getTitleEx().getValue()).isEqualTo("Noticeline: 4chan, Statute, from " + NoticeDates.latest());
        given().header("If-None-Match", response.header("ETag")).get(path).then().statusCode(304);
    }

    @Test
    void theEtagChangesOnceAWriteReachesTheFeed() {
        String path = "/feeds/notices.atom?platform=4chan";
        String before = given().get(path).then().statusCode(200).extract().header("ETag");
        String slug = slug("etag");
        write(slug, "4chan", "ofcom-4chan", "Moves the tag.");

        // 304 while this replica has not followed the write yet; then the feed with the notice, under another tag.
        Response response = until(() -> given().header("If-None-Match", before).get(path),
                r -> r.statusCode() == 200 && r.asString().contains(TagUris.notice(slug)));
        assertThat(response.header("ETag")).isNotEqualTo(before);
        given().header("If-None-Match", response.header("ETag")).get(path).then().statusCode(304);
    }
}
