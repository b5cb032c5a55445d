package org.noticeline.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads a feed body into entries: Atom and RSS with Rome (which refuses DOCTYPEs, so no external
 * entities), our JSON list with Jackson. Links are made absolute against the feed's URL.
 */
public final class FeedParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedParser() {
    }

    public static List<FeedEntry> parse(FeedFormat format, byte[] body, URI base) {
        return format == FeedFormat.JSON ? json(body, base) : xml(body, base);
    }

    private static List<FeedEntry> xml(byte[] body, URI base) {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
        } catch (Exception e) {
            // Rome says FeedException for bad XML and IllegalArgumentException for XML that is no feed.
            throw new FeedException("not a readable Atom or RSS feed: " + oneLine(e.getMessage()), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = link(entry);
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(entry(entry.getUri(), entry.getTitle(), link, base, date == null ? null : date.toInstant(), description(entry)));
        }
        return entries;
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        return entry.getLinks().stream()
                .filter(l -> l.getRel() == null || "alternate".equals(l.getRel()))
                .map(SyndLink::getHref).filter(h -> h != null && !h.isBlank()).findFirst().orElse(null);
    }

    private static String description(SyndEntry entry) {
        if (entry.getDescription() != null && entry.getDescription().getValue() != null) {
            return entry.getDescription().getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static List<FeedEntry> json(byte[] body, URI base) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new FeedException("not a readable JSON list: " + oneLine(message), e);
        }
        if (root == null || !root.isArray()) {
            throw new FeedException("not a JSON list: expected an array of {id, title, url, published}");
        }
        List<FeedEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root) {
            String position = "item " + index++;
            if (!item.isObject()) {
                entries.add(FeedEntry.broken(position, position + " is not an object"));
                continue;
            }
            String id = text(item, "id");
            String published = text(item, "published");
            Instant date;
            try {
                date = published == null ? null : instant(published);
            } catch (DateTimeParseException e) {
                entries.add(FeedEntry.broken(id != null ? id : position, "published '" + published + "' is not an ISO date or date-time"));
                continue;
            }
            entries.add(entry(id, text(item, "title"), text(item, "url"), base, date, text(item, "summary")));
        }
        return entries;
    }

    private static FeedEntry entry(String id, String title, String link, URI base, Instant published, String summary) {
        String url = null;
        String problem = null;
        if (link == null || link.isBlank()) {
            problem = "entry has no link";
        } else {
            try {
                url = base.resolve(new URI(link.strip())).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                problem = "entry link '" + link + "' is not a URL";
            }
        }
        FeedEntry entry = new FeedEntry(blankToNull(id), cleanTitle(title), url, published, plainText(summary), problem);
        return entry.key() == null ? FeedEntry.broken(null, problem) : entry;
    }

    /** Feed text fields may hold HTML (RSS descriptions usually do); notices hold plain text. */
    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = Jsoup.parse(html).text().strip();
        return text.isEmpty() ? null : text;
    }

    private static String cleanTitle(String title) {
        return title == null ? null : blankToNull(plainText(title));
    }

    private static Instant instant(String value) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to the shorter forms
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : blankToNull(value.asText());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String oneLine(String message) {
        return message == null ? "(no detail)" : message.replaceAll("\\s+", " ").strip();
    }
}
