package org.noticeline.timeline;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.noticeline.web.PublicUrls;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class TimelinePagesTest {

    @Inject
    PublicUrls urls;

    private static Document page(String path) {
        String html = given().accept("text/html").get(path).then().statusCode(200).contentType("text/html").extract().asString();
        return Jsoup.parse(html);
    }

    private static JsonPath api(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void homeGroupsNoticesByMonthNewestFirstAndLinksThem() {
        Document home = page("/");
        List<String> months = home.select("section.month h2").eachText();
        String newest = api("/api/notices?limit=1").getString("items[0].slug");

        assertThat(months).isNotEmpty();
        assertThat(home.select("ol.notices li a[href^=/notices/]").first().attr("href")).isEqualTo("/notices/" + newest);
        assertThat(home.select("main h1").text()).isEqualTo("Regulatory timeline");
        assertThat(home.select("a.skip[href=#main]")).hasSize(1);
    }

    @Test
    void platformPageShowsOnlyThatPlatformWithAnSvgOfMarksThatAreLinks() {
        Document x = page("/platforms/x?limit=200");
        List<String> slugs = api("/api/notices?platform=x&limit=200").getList("items.slug");

        assertThat(x.select("main h1").text()).isEqualTo("X");
        assertThat(x.select("ol.notices h3 a").eachAttr("href")).containsExactlyElementsOf(slugs.stream().map(s -> "/notices/" + s).toList());
        Element svg = x.selectFirst("svg.timeline-svg");
        assertThat(svg).isNotNull();
        assertThat(svg.select("a > circle.mark")).hasSize(slugs.size());
        assertThat(x.select("dl.facts").text()).contains("VLOP under the DSA since 25 April 2023");
    }

    @Test
    void rulePagesListCitingNoticesAndHeadings() {
        Document dsa = page("/rules/DSA");
        Document article = page("/rules/DSA/34?limit=200");
        List<String> citing = api("/api/notices?rule=DSA:34&limit=200").getList("items.slug");

        assertThat(dsa.select("main h1").text()).isEqualTo("DSA: Digital Services Act");
        assertThat(dsa.select("dl.facts").text()).contains("Article 34", "Risk assessment");
        assertThat(article.select("main h1").text()).isEqualTo("Article 34 DSA");
        assertThat(article.select("dl.facts").text()).contains("Risk assessment");
        assertThat(article.select("ol.notices h3 a").eachAttr("href")).hasSize(citing.size());
        assertThat(article.selectFirst("svg.timeline-svg")).isNotNull();
        given().accept("text/html").get("/rules/DSA/999").then().statusCode(404).contentType("text/html");
    }

    @Test
    void aPageScopeCannotBeWidenedByTheVisitorsFilters() {
        List<String> article34 = api("/api/notices?rule=DSA:34&limit=200").getList("items.slug");
        List<String> onX = api("/api/notices?platform=x&limit=200").getList("items.slug");

        assertThat(page("/rules/DSA/34?rule=GDPR&limit=200").select("ol.notices h3 a").eachAttr("href"))
                .containsExactlyElementsOf(article34.stream().map(s -> "/notices/" + s).toList());
        assertThat(page("/platforms/x?platform=tiktok&limit=200").select("ol.notices h3 a").eachAttr("href"))
                .containsExactlyElementsOf(onX.stream().map(s -> "/notices/" + s).toList());
    }

    @Test
    void indexPagesListTheCatalogWithCounts() {
        assertThat(page("/platforms").select("ul.index a").eachText()).contains("X", "TikTok", "4chan");
        assertThat(page("/rules").select("ul.index a").eachText()).anyMatch(t -> t.startsWith("DSA: Digital Services Act"));
        assertThat(page("/authorities").select("ul.index a").eachText()).contains("European Commission", "Ofcom");
        Document proceedings = page("/proceedings");
        assertThat(proceedings.select("ul.index a")).isNotEmpty();
        assertThat(proceedings.select("ul.index .count").first().text()).matches("\\d+ notices?");
    }

    @Test
    void authorityAndProceedingTimelines() {
        Document commission = page("/authorities/european-commission?limit=200");
        assertThat(commission.select("ol.notices h3 a")).hasSize(api("/api/notices?authority=european-commission&limit=200").getList("items").size());

        String proceeding = api("/api/proceedings").getString("[0].id");
        Document caseTimeline = page("/proceedings/" + proceeding);
        assertThat(caseTimeline.select("ol.notices h3 a")).hasSize(api("/api/proceedings/" + proceeding).getList("notices").size());
        assertThat(caseTimeline.selectFirst("svg.timeline-svg")).isNotNull();
    }

    @Test
    void noticePageShowsMetadataRulesProceedingSourcesAndRevisions() {
        String slug = api("/api/notices?rule=DSA:34&limit=200").getList("items.slug", String.class).stream()
                .filter(s -> api("/api/notices/" + s).getString("proceeding") != null).findFirst().orElseThrow();
        JsonPath json = api("/api/notices/" + slug);
        Document notice = page("/notices/" + slug);

        assertThat(notice.select("main h1").text()).isEqualTo(json.getString("title"));
        assertThat(notice.select("ul.rules li a[href=/rules/DSA/34]").text()).isEqualTo("Article 34 DSA");
        assertThat(notice.select("ul.rules li").text()).contains("Risk assessment");
        assertThat(notice.select("ol.case li")).hasSize(api("/api/proceedings/" + json.getString("proceeding")).getList("notices").size());
        assertThat(notice.select("ol.case li[aria-current=page]")).hasSize(1);
        assertThat(notice.select("a[href^=https://]").eachAttr("href")).containsAll(json.getList("sources", String.class));
        assertThat(notice.select("ol.revisions li").text()).contains("Revision 1");
    }

    @Test
    void filtersApplyOnPagesAndBadOnesAreClearErrors() {
        Document fines = page("/?type=fine&limit=200");
        assertThat(fines.select("ol.notices .badge").eachText()).isNotEmpty().allMatch("Fine"::equals);
        assertThat(fines.select("details.filters[open]")).hasSize(1);

        String html = given().accept("text/html").get("/?from=yesterday").then().statusCode(400).contentType("text/html").extract().asString();
        assertThat(Jsoup.parse(html).select("main").text()).contains("from");
    }

    @Test
    void pagesPaginateWithANextLinkThatKeepsFilters() {
        Document first = page("/?limit=3&platform=x");
        Element next = first.selectFirst("a[rel=next]");

        assertThat(first.select("ol.notices li.notice-item")).hasSize(3);
        assertThat(next).isNotNull();
        assertThat(next.attr("href")).contains("platform=x", "limit=3", "cursor=");
        Document second = page(next.attr("href"));
        assertThat(second.select("ol.notices h3 a").eachAttr("href")).doesNotContainAnyElementsOf(first.select("ol.notices h3 a").eachAttr("href"));
    }

    @Test
    void unknownPagesAre404() {
        for (String path : List.of("/platforms/myspace", "/notices/nothing-here", "/authorities/nobody", "/proceedings/none", "/rules/NOPE")) {
            given().accept("text/html").get(path).then().statusCode(404);
        }
    }

    /** Each timeline page's feed: its own scope plus the visitor's filters (without page, limit or withdrawn). */
    @Test
    void everyTimelinePageLinksItsOwnFeedInTheHeadAndOnThePage() throws Exception {
        Map<String, String> feeds = Map.of(
                "/", "",
                "/platforms/4chan?type=fine&platform=x", "?platform=4chan&type=fine",
                "/rules/UK-OSA", "?rule=UK-OSA",
                "/rules/UK-OSA/102?jurisdiction=uk&withdrawn=true", "?rule=UK-OSA%3A102&jurisdiction=UK",
                "/authorities/ofcom", "?authority=ofcom",
                "/proceedings/ofcom-4chan?from=2025-01-01&limit=5", "?proceeding=ofcom-4chan&from=2025-01-01");
        for (Map.Entry<String, String> page : feeds.entrySet()) {
            Document html = page(page.getKey());
            String atom = "/feeds/notices.atom" + page.getValue();
            String rss = "/feeds/notices.rss" + page.getValue();
            assertThat(html.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href")).as(page.getKey()).containsExactly(atom);
            assertThat(html.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href")).as(page.getKey()).containsExactly(rss);
            assertThat(html.select("main p.feeds a").eachAttr("href")).as(page.getKey()).containsExactly(atom, rss);

            Feed feed = (Feed) new WireFeedInput().build(new StringReader(feed(atom)));
            assertThat(feed.getOtherLinks()).extracting(Link::getHref).containsExactly(urls.base() + atom);
            assertThat(((Channel) new WireFeedInput().build(new StringReader(feed(rss)))).getTitle()).isEqualTo(feed.getTitleEx().getValue());
        }
    }

    @Test
    void aFeedLinksBackToTheTimelinePageOfItsSelection() throws Exception {
        Map<String, String> pages = Map.of(
                "", "/",
                "?rule=UK-OSA%3A102&jurisdiction=UK", "/rules/UK-OSA/102?jurisdiction=UK",
                "?platform=4chan&type=fine", "/platforms/4chan?type=fine",
                "?platform=4chan&proceeding=ofcom-4chan", "/proceedings/ofcom-4chan?platform=4chan",
                "?platform=4chan,x", "/?platform=4chan&platform=x");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Feed feed = (Feed) new WireFeedInput().build(new StringReader(feed("/feeds/notices.atom" + page.getKey())));
            assertThat(feed.getAlternateLinks()).extracting(Link::getHref).as(page.getKey()).containsExactly(urls.base() + page.getValue());
        }
    }

    /** A feed as a page links it: its query is already percent-encoded. */
    private static String feed(String href) {
        return given().urlEncodingEnabled(false).get(href).then().statusCode(200).extract().asString();
    }
}
