package org.noticeline.syndication;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProceedingSpec;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.search.TextFilter;
import org.noticeline.search.rest.TextFilterParams;
import org.noticeline.notice.NoticeType;
import org.noticeline.notice.rest.NoticeFilterParams;
import org.noticeline.web.PublicUrls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one feed follows: a filter's selection, withdrawn notices included, with a search alert's query if it has one,
 * and its canonical query (one spelling per selection), which names the feed in its URL, its id and the cache.
 */
public record FeedSelection(NoticeFilter filter, TextFilter text, String query) {

    /** A feed holds the notices of its selection that changed last, this many. */
    public static final int ENTRIES = 50;

    /** The feed of what {@code chosen} and {@code text} select; the filter's page, limit and withdrawn flag play no part. */
    public static FeedSelection of(NoticeFilter chosen, TextFilter text) {
        return new FeedSelection(chosen.includingWithdrawn(), text, TextFilterParams.selecting(chosen, text));
    }

    /** The feed's address in {@code type}, from the root of the service. */
    public String path(FeedType type) {
        return "/feeds/" + type.file + (query.isEmpty() ? "" : "?" + query);
    }

    String id() {
        return TagUris.feed(query);
    }

    String cacheKey(FeedType type) {
        return type.name() + "?" + query;
    }

    /**
     * The page that shows this selection: the search page for a search alert; else the page of its one proceeding,
     * platform, rule or authority if it has one (the other filters as query), else the home timeline with the filters.
     */
    String pageUrl(PublicUrls urls) {
        if (!text.isEmpty()) {
            return urls.base() + "/search?" + query;
        }
        NoticeFilterParams rest = NoticeFilterParams.selecting(filter);
        String page;
        if (rest.proceeding.size() == 1) {
            page = urls.of("proceedings", rest.proceeding.remove(0));
        } else if (rest.platform.size() == 1) {
            page = urls.of("platforms", rest.platform.remove(0));
        } else if (rest.rule.size() == 1) {
            String rule = rest.rule.remove(0);
            page = RuleKey.parse(rule).map(key -> urls.of("rules", key.instrument(), key.provision())).orElseGet(() -> urls.of("rules", rule));
        } else if (rest.authority.size() == 1) {
            page = urls.of("authorities", rest.authority.remove(0));
        } else {
            page = urls.base() + "/";
        }
        String others = rest.filterQuery();
        return others.isEmpty() ? page : page + "?" + others;
    }

    /** "Noticeline: 4chan, Ofcom, Fine": what the selection is, in the catalog's names. */
    String title(Catalog catalog) {
        List<String> parts = new ArrayList<>();
        named(parts, filter.platforms(), id -> catalog.platform(id).map(PlatformSpec::name).orElse(id));
        named(parts, NoticeFilterParams.selecting(filter).rule, Function.identity());
        named(parts, filter.authorities(), id -> catalog.authority(id).map(AuthoritySpec::name).orElse(id));
        named(parts, filter.types(), id -> NoticeType.fromId(id).map(NoticeType::label).orElse(id));
        named(parts, filter.jurisdictions(), Function.identity());
        named(parts, filter.proceedings(), id -> catalog.proceeding(id).map(ProceedingSpec::title).orElse(id));
        if (filter.from() != null) {
            parts.add("from " + filter.from());
        }
        if (filter.to() != null) {
            parts.add("to " + filter.to());
        }
        if (!text.isEmpty()) {
            parts.add("\u201c" + text.q() + "\u201d");
        }
        return "Noticeline: " + (parts.isEmpty() ? "all notices" : String.join(", ", parts));
    }

    private static void named(List<String> parts, List<String> ids, Function<String, String> name) {
        if (!ids.isEmpty()) {
            parts.add(String.join(" or ", ids.stream().distinct().map(name).toList()));
        }
    }
}
