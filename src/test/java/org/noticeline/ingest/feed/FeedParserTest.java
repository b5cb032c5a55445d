package org.noticeline.ingest.feed;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private static final URI BASE = URI.create("https://regulator.example/feeds/news.xml");

    private static List<FeedEntry> parse(FeedFormat format, String body) {
        return FeedParser.parse(format, body.getBytes(StandardCharsets.UTF_8), BASE);
    }

    @Test
    void atomEntriesGiveIdTitleLinkDateAndPlainSummary() {
        List<FeedEntry> entries = parse(FeedFormat.ATOM, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>News</title><id>urn:feed</id><updated>2025-04-15T00:00:00Z</updated>
                  <entry>
                    <id>urn:news:1</id><title>Regulator fines a forum</title>
                    <link rel="alternate" href="/news/1"/>
                    <published>2025-04-14T23:30:00-02:00</published><updated>2025-04-16T00:00:00Z</updated>
                    <summary type="html">&lt;p&gt;The forum was &lt;b&gt;fined&lt;/b&gt;.&lt;/p&gt;</summary>
                  </entry>
                  <entry><id>urn:news:2</id><title>Undated</title><link href="https://other.example/2"/></entry>
                </feed>
                """);

        assertThat(entries).hasSize(2);
        FeedEntry first = entries.get(0);
        assertThat(first.id()).isEqualTo("urn:news:1");
        assertThat(first.title()).isEqualTo("Regulator fines a forum");
        assertThat(first.url()).isEqualTo("https://regulator.example/news/1");
        assertThat(first.published()).isEqualTo(Instant.parse("2025-04-15T01:30:00Z"));
        assertThat(first.summary()).isEqualTo("The forum was fined.");
        assertThat(first.problem()).isNull();
        assertThat(entries.get(1).published()).isNull();
        assertThat(entries.get(1).url()).isEqualTo("https://other.example/2");
    }

    @Test
    void rssItemsUseTheirGuidElseTheirLink() {
        List<FeedEntry> entries = parse(FeedFormat.RSS, """
                <rss version="2.0"><channel><title>News</title><link>https://regulator.example/</link><description>d</description>
                  <item><title>With guid</title><link>https://regulator.example/a</link><guid isPermaLink="false">a-1</guid>
                        <pubDate>Mon, 14 Apr 2025 09:00:00 GMT</pubDate><description>&lt;p&gt;Text&lt;/p&gt;</description></item>
                  <item><title>Without guid</title><link>https://regulator.example/b</link></item>
                </channel></rss>
                """);

        assertThat(entries).extracting(FeedEntry::key).containsExactly("a-1", "https://regulator.example/b");
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2025-04-14T09:00:00Z"));
        assertThat(entries.get(0).summary()).isEqualTo("Text");
    }

    @Test
    void malformedXmlAndDoctypesAreRefused() {
        assertThatThrownBy(() -> parse(FeedFormat.RSS, "<rss><channel><item><title>oops</channel>"))
                .isInstanceOf(FeedException.class).hasMessageStartingWith("not a readable Atom or RSS feed");
        assertThatThrownBy(() -> parse(FeedFormat.ATOM, """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&secret;</title></feed>
                """)).isInstanceOf(FeedException.class);
    }

    @Test
    void jsonListsGiveEntriesAndUnusableItemsAreMarkedNotDropped() {
        List<FeedEntry> entries = parse(FeedFormat.JSON, """
                [{"id": "n-1", "title": "First", "url": "/news/n-1", "published": "2025-04-14"},
                 {"id": "n-2", "title": "Second", "url": "https://regulator.example/news/n-2", "published": "2025-04-14T10:00:00+02:00", "summary": "S"},
                 {"id": "n-3", "title": "No link"},
                 {"id": "n-4", "title": "Bad date", "url": "https://regulator.example/n-4", "published": "yesterday"},
                 "not an object"]
                """);

        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).url()).isEqualTo("https://regulator.example/news/n-1");
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2025-04-14T00:00:00Z"));
        assertThat(entries.get(1).published()).isEqualTo(Instant.parse("2025-04-14T08:00:00Z"));
        assertThat(entries.get(1).summary()).isEqualTo("S");
        assertThat(entries.get(2).problem()).isEqualTo("entry has no link");
        assertThat(entries.get(3).problem()).contains("'yesterday' is not an ISO date");
        assertThat(entries.get(4).problem()).isEqualTo("item 4 is not an object");
    }

    @Test
    void aJsonBodyThatIsNoListIsRefused() {
        assertThatThrownBy(() -> parse(FeedFormat.JSON, "{\"items\": []}")).isInstanceOf(FeedException.class)
                .hasMessageContaining("not a JSON list");
        assertThatThrownBy(() -> parse(FeedFormat.JSON, "[{")).isInstanceOf(FeedException.class)
                .hasMessageStartingWith("not a readable JSON list");
    }
}
