package org.noticeline.syndication;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeStatus;
import org.noticeline.web.PublicUrls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One notice as a feed entry. {@code published} is the day the regulator acted (the notice's date, at 00:00 UTC);
 * {@code updated} is when the record last changed, so a correction or a withdrawal moves it and a feed reader
 * shows the same entry again. A withdrawn notice stays in, marked in its title, its summary and a category.
 */
record FeedItem(String id, String title, String link, Instant published, Instant updated, String author, String summary,
                List<Category> categories) {

    /** A category: {@code scheme} names the vocabulary (under the public base), {@code term} the value as our URLs spell it. */
    record Category(String scheme, String term, String label) {

        Category {
            label = XmlText.of(label);
        }
    }

    static final String WITHDRAWN = "withdrawn";
    /** Summaries made from a body stop near here, at a word. */
    static final int EXCERPT = 400;
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    /** What people wrote may hold characters XML cannot carry; {@link XmlText} leaves them out here, once for both formats. */
    FeedItem {
        title = XmlText.of(title);
        author = XmlText.of(author);
        summary = XmlText.of(summary);
    }

    static FeedItem of(Notice notice, Catalog catalog, PublicUrls urls) {
        boolean withdrawn = notice.status == NoticeStatus.WITHDRAWN;
        List<Category> categories = new ArrayList<>();
        categories.add(new Category(urls.of("types"), notice.type, notice.noticeType().label()));
        notice.ruleKeys().stream().distinct().forEach(key -> categories.add(new Category(urls.of("rules"), key, key)));
        notice.platformIds().stream().distinct().forEach(id -> categories.add(new Category(urls.of("platforms"), id,
                catalog.platform(id).map(PlatformSpec::name).orElse(id))));
        if (notice.proceeding != null) {
            categories.add(new Category(urls.of("proceedings"), notice.proceeding.id, notice.proceeding.title));
        }
        if (withdrawn) {
            categories.add(new Category(urls.of("status"), WITHDRAWN, "Withdrawn"));
        }
        String summary = notice.summary == null || notice.summary.isBlank() ? excerpt(notice.body) : notice.summary.strip();
        return new FeedItem(TagUris.notice(notice.slug), (withdrawn ? "[Withdrawn] " : "") + notice.title,
                urls.of("notices", notice.slug), notice.date.atStartOfDay(ZoneOffset.UTC).toInstant(), notice.updatedAt,
                notice.authority.name, withdrawn ? ("Withdrawn (" + notice.withdrawnReason + "). " + summary).strip() : summary,
                List.copyOf(categories));
    }

    /** The start of a Markdown body as plain text: rendered, then only its text kept, so no markup of the body gets through. */
    static String excerpt(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String text;
        try {
            text = Jsoup.parse(HTML.render(MARKDOWN.parse(markdown))).text();
        } catch (StackOverflowError e) {
            // Writes refuse bodies nested this deep; one stored before that rule is cut as the text it is.
            text = Jsoup.parse(markdown).text();
        }
        if (text.length() <= EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT);
        return text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT).strip() + " …";
    }
}
