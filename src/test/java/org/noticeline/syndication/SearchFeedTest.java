package org.noticeline.syndication;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeline.notice.rest.NoticeWriteTest;
import org.noticeline.search.SearchTesting;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A search alert as a feed: {@code q} on {@code /feeds/notices.atom} and {@code .rss}, read from the search index. */
@QuarkusTest
class SearchFeedTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN = "Bearer test-admin-secret";

    @BeforeEach
    void ready() {
        SearchTesting.awaitReady();
    }

    private static void post(String slug, String body) {
        Map<String, Object> notice = NoticeWriteTest.notice(slug, body);
        notice.put("date", "1996-03-0" + (1 + Math.abs(slug.hashCode() % 8)));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(notice).post("/api/notices").then().statusCode(201);
    }

    private static SyndFeed feed(String type, Map<String, String> params) throws Exception {
        String xml = given().queryParams(params).get("/feeds/notices." + type).then().statusCode(200).extract().asString();
        return new SyndFeedInput().build(new InputSource(new StringReader(xml)));
    }

    private static List<String> links(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getLink).toList();
    }

    @Test
    void aFeedOfASearchHoldsTheNoticesItsQueryMatchesNewestChangeFirst() throws Exception {
        String word = "zq" + RUN;
        post("feed-q-" + RUN + "-a", "The first notice mentions " + word + " once.");
        post("feed-q-" + RUN + "-b", "This one does not mention the word.");
        post("feed-q-" + RUN + "-c", "The last notice mentions " + word + " as well.");
        Map<String, String> params = Map.of("q", word, "platform", "4chan");
        SearchTesting.within2s(() -> {
            try {
                return feed("atom", params).getEntries().size() == 2;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        SyndFeed atom = feed("atom", params);
        assertThat(links(atom)).hasSize(2);
        assertThat(links(atom).get(0)).endsWith("/notices/feed-q-" + RUN + "-c");
        assertThat(links(atom).get(1)).endsWith("/notices/feed-q-" + RUN + "-a");
        assertThat(atom.getTitle()).contains(word);
        assertThat(atom.getLinks()).filteredOn(l -> "alternate".equals(l.getRel())).singleElement()
                .satisfies(l -> assertThat(l.getHref()).contains("/search?").contains("q=" + word));
        assertThat(links(feed("rss", params))).isEqualTo(links(atom));
        // Another platform's feed of the same query is empty: the filters narrow it as they narrow a timeline.
        assertThat(feed("atom", Map.of("q", word, "platform", "x")).getEntries()).isEmpty();

        // A revision that drops the word takes the notice out of the feed once the index has it.
        Map<String, Object> revised = NoticeWriteTest.notice("feed-q-" + RUN + "-c", "Now it says nothing of the kind.");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(revised)
                .put("/api/notices/feed-q-" + RUN + "-c").then().statusCode(200);
        SearchTesting.within2s(() -> {
            try {
                return feed("atom", params).getEntries().size() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aQueryThatCannotBeReadIsA400NamingQ() {
        given().queryParam("q", "(unbalanced").get("/feeds/notices.atom").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().queryParam("q", "platform:no-such-platform").get("/feeds/notices.rss").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }
}
