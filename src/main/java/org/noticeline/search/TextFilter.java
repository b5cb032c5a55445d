package org.noticeline.search;

import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.config.NoticelineConfig;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A query of the search language kept as a filter, beside the timeline filters: the {@code q} of a search alert (a
 * feed, a webhook, an e-mail subscription, a live stream). It is tried against one notice at a time
 * ({@link MatchableNotice}) and judges a notice as {@code /api/search} would, status aside: whoever follows changes
 * decides about withdrawn notices by the kind of event. {@code needs} are the terms of which a notice must hold one to
 * match ({@link RequiredTerms}, as {@link #key}s), null where the query's shape does not tell.
 */
public record TextFilter(String q, Query query, Set<String> needs) {

    /** No text query: every notice passes. */
    public static final TextFilter NONE = new TextFilter("", null, null);

    /** {@code q} parsed against the catalog, {@link #NONE} when blank; a query that cannot be read is a {@link QuerySyntaxException}. */
    public static TextFilter parse(String q, Catalog catalog, NoticelineConfig.Search limits) {
        if (q == null || q.isBlank()) {
            return NONE;
        }
        String typed = q.strip();
        Query query = new QueryLanguage(catalog, limits).parse(typed);
        Set<String> needs = RequiredTerms.of(query).map(terms -> {
            Set<String> keys = new LinkedHashSet<>();
            terms.forEach(t -> keys.add(key(t.field(), t.text())));
            return Set.copyOf(keys);
        }).orElse(null);
        return new TextFilter(typed, query, needs);
    }

    /** A kept query that no longer reads (the catalog has changed under it): it matches no notice. */
    public static TextFilter unreadable(String q) {
        return new TextFilter(q, new MatchNoDocsQuery(), Set.of());
    }

    /** How a term of a field of the search index is named among {@link #required} and {@link MatchableNotice#held}. */
    public static String key(String field, String term) {
        return field + '\u001d' + term;
    }

    public boolean isEmpty() {
        return query == null;
    }

    /**
     * The terms of which a notice must hold one to match, where the query's shape tells: a stored alert is looked up
     * by them instead of being tried on every notice. Empty when none tell (and for no query at all).
     */
    public Optional<Set<String>> required() {
        return Optional.ofNullable(needs);
    }

    /** Whether {@code notice} matches: at once no when it holds none of the terms needed, else the query run on it. */
    public boolean matches(MatchableNotice notice) {
        if (query == null) {
            return true;
        }
        return (needs == null || notice.holdsAny(needs)) && notice.matches(query);
    }

    /** What a subscriber is told matched: the terms its filters named, and this query as {@code q} if there is one. */
    public Map<String, List<String>> withQuery(Map<String, List<String>> matched) {
        if (query == null) {
            return matched;
        }
        Map<String, List<String>> all = new LinkedHashMap<>(matched);
        all.put("q", List.of(q));
        return all;
    }
}
