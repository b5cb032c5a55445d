package org.noticeline.ingest.feed;

import org.noticeline.hash.Sha256;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeType;
import org.noticeline.notice.NoticeValidator;
import org.noticeline.notice.PlainTextBody;
import org.noticeline.notice.Slugs;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The notice an entry becomes: its title, date and summary from the feed, its body from the page,
 * authority and jurisdiction from the source, the entry's link as its source. Platforms and rules are
 * left to the notice writer's linking.
 */
final class EntryNotice {

    static final int MAX_SUMMARY = 300;

    private EntryNotice() {
    }

    static NoticeContent content(String slug, String authority, String jurisdiction, String type, FeedEntry entry, PageText page,
                                 LocalDate date) {
        String title = entry.title() != null ? entry.title() : page.title();
        return new NoticeContent(slug, shorten(title, NoticeValidator.MAX_TITLE), date.toString(),
                type == null ? NoticeType.PRESS_RELEASE.id() : type, authority, jurisdiction, List.of(), List.of(), null, "en",
                shorten(entry.summary(), MAX_SUMMARY), List.of(entry.url()), PlainTextBody.toMarkdown(page.text()));
    }

    /** The entry's own date (published, else updated) as a UTC date, if it has one. */
    static LocalDate date(FeedEntry entry, LocalDate otherwise) {
        return entry.published() == null ? otherwise : LocalDate.ofInstant(entry.published(), ZoneOffset.UTC);
    }

    /** {@code 2025-04-14-ofcom-fines-a-forum}: the date and the title's words, kebab-case. */
    static String slug(LocalDate date, String title) {
        return Slugs.of(date.toString(), title, "entry");
    }

    /** The slug with a short hash of the entry, for when another notice has the plain one. */
    static String slugWithHash(String slug, String sourceId, String entryKey) {
        return slug + "-" + Sha256.hex(sourceId + "\n" + entryKey).substring(0, 8);
    }

    static String shorten(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.replaceAll("\\s+", " ").strip();
        if (clean.length() <= max) {
            return clean;
        }
        String cut = clean.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }
}
