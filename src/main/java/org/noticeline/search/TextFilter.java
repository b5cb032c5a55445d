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
 * decides about withdrawn notices by the kind of event.
 */
public record TextFilter(String q, Query query) {

    /** No text query: every notice passes. */
    public static final TextFilter NONE = new TextFilter("", null);

    /**
     * Terms of which a notice must hold one to match, by field, where the query's shape tells ({@link RequiredTerms}):
     * a stored alert is looked up by them instead of being tried on every notice. Empty when none tell.
     */
    public Optional<Map<String, Set<String>>> required() {
        if (query == null) {
            return Optional.empty();
        }
        return RequiredTerms.of(query).map(terms -> {
            Map<String, Set<String>> byField = new LinkedHashMap<>();
            terms.forEach(t -> byField.computeIfAbsent(t.field(), f -> new LinkedHashSet<>()).add(t.text()));
            return byField;
        });
    }

    /** {@code q} parsed against the catalog, {@link #NONE} when blank; a query that cannot be read is a {@link QuerySyntaxException}. */
    public static TextFilter parse(String q, Catalog catalog, NoticelineConfig.Search limits) {
        if (q == null || q.isBlank()) {
            return NONE;
        }
        String typed = q.strip();
        return new TextFilter(typed, new QueryLanguage(catalog, limits).parse(typed));
    }

    /** A kept query that no longer reads (the catalog has changed under it): it matches no notice. */
    public static TextFilter unreadable(String q) {
        return new TextFilter(q, new MatchNoDocsQuery());
    }

    public boolean isEmpty() {
        return query == null;
    }

    public boolean matches(MatchableNotice notice) {
        return query == null || notice.matches(query);
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
