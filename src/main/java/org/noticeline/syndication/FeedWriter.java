package org.noticeline.syndication;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A {@link TimelineFeed} as Atom 1.0 or RSS 2.0 bytes, written with Rome's wire feeds (not its neutral model, whose
 * mapping would turn the author into an RSS e-mail field and the feed's date into Atom's {@code updated} on its own).
 */
final class FeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private FeedWriter() {
    }

    static byte[] write(TimelineFeed feed, FeedType type) {
        WireFeed wire = type == FeedType.ATOM ? atom(feed) : rss(feed);
        wire.setEncoding(StandardCharsets.UTF_8.name());
        try {
            return new WireFeedOutput().outputString(wire).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            // Rome refuses a feed that lacks what its format requires; ours always has it.
            throw new IllegalStateException("cannot write the feed " + feed.id(), e);
        }
    }

    private static Feed atom(TimelineFeed feed) {
        Feed atom = new Feed(FeedType.ATOM.wireType);
        atom.setId(feed.id());
        atom.setTitleEx(text(feed.title()));
        atom.setSubtitle(text(feed.description()));
        atom.setUpdated(Date.from(feed.updated()));
        atom.setAlternateLinks(List.of(link("alternate", "text/html", feed.pageUrl())));
        atom.setOtherLinks(List.of(link("self", FeedType.ATOM.mediaType, feed.atomUrl())));
        List<Entry> entries = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            Entry entry = new Entry();
            entry.setId(item.id());
            entry.setTitleEx(text(item.title()));
            entry.setAlternateLinks(List.of(link("alternate", "text/html", item.link())));
            entry.setPublished(Date.from(item.published()));
            entry.setUpdated(Date.from(item.updated()));
            Person author = new Person();
            author.setName(item.author());
            entry.setAuthors(List.of(author));
            entry.setCategories(item.categories().stream().map(c -> {
                com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
                category.setScheme(c.scheme());
                category.setTerm(c.term());
                category.setLabel(c.label());
                return category;
            }).toList());
            if (!item.summary().isEmpty()) {
                entry.setSummary(text(item.summary()));
            }
            entries.add(entry);
        }
        atom.setEntries(entries);
        return atom;
    }

    private static Channel rss(TimelineFeed feed) {
        Channel rss = new Channel(FeedType.RSS.wireType);
        rss.setTitle(feed.title());
        rss.setLink(feed.pageUrl());
        rss.setDescription(feed.description());
        rss.setPubDate(Date.from(feed.updated()));
        rss.setLastBuildDate(Date.from(feed.updated()));
        // RSS has no self link of its own; Atom's is the one readers and validators look for.
        Element self = new Element("link", ATOM).setAttribute("href", feed.rssUrl()).setAttribute("rel", "self")
                .setAttribute("type", FeedType.RSS.mediaType);
        rss.setForeignMarkup(new ArrayList<>(List.of(self)));
        List<Item> items = new ArrayList<>();
        for (FeedItem entry : feed.items()) {
            Item item = new Item();
            item.setTitle(entry.title());
            item.setLink(entry.link());
            Guid guid = new Guid();
            guid.setPermaLink(false);
            guid.setValue(entry.id());
            item.setGuid(guid);
            // RSS has one date; a reader should see a correction as new, so it is the time of the last change.
            item.setPubDate(Date.from(entry.updated()));
            if (!entry.summary().isEmpty()) {
                // An RSS description is HTML: the plain text is escaped once more, so that readers show it as written.
                Description description = new Description();
                description.setType("text/html");
                description.setValue(html(entry.summary()));
                item.setDescription(description);
            }
            item.setCategories(entry.categories().stream().map(c -> {
                com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
                category.setDomain(c.scheme());
                category.setValue(c.term());
                return category;
            }).toList());
            // RSS's own author is an e-mail address; an authority's name goes in Dublin Core's creator.
            DCModule creator = new DCModuleImpl();
            creator.setCreator(entry.author());
            item.setModules(new ArrayList<Module>(List.of(creator)));
            items.add(item);
        }
        rss.setItems(items);
        return rss;
    }

    /** Plain text as HTML text: the four characters that could start markup or an entity, and no entity an HTML 4 reader lacks. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
