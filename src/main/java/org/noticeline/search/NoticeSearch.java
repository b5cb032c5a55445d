package org.noticeline.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.config.NoticelineConfig;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeStatus;
import org.noticeline.notice.NoticeView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs a {@link SearchRequest} against the index: one pass collects the page and the facet counts, then snippets. */
@ApplicationScoped
public class NoticeSearch {

    /** Relevance pages are offsets; deeper than this, refine the query instead (and no request can sort the whole index). */
    static final int MAX_OFFSET = 10_000;
    private static final Sort BY_DATE = new Sort(new SortField(SearchFields.DATE, SortField.Type.LONG, true),
            new SortField(SearchFields.ID, SortField.Type.LONG, true));
    private static final Sort BY_CHANGE = new Sort(new SortField(SearchFields.CHANGED, SortField.Type.LONG, true),
            new SortField(SearchFields.ID, SortField.Type.LONG, true));
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.DATE, SortField.Type.LONG, true),
            new SortField(SearchFields.ID, SortField.Type.LONG, true));

    @Inject
    SearchIndex index;
    @Inject
    HistoricIndexes history;
    @Inject
    CatalogStore catalog;
    @Inject
    NoticelineConfig config;
    @Inject
    ObjectMapper json;

    /** The query a request means, parsed before any index is consulted, so a bad query is a 400 even while rebuilding. */
    public Query query(SearchRequest request) {
        Query typed = new QueryLanguage(catalog.catalog(), config.search()).parse(request.q());
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(typed, BooleanClause.Occur.MUST);
        filters(request.filter()).forEach(f -> all.add(f, BooleanClause.Occur.FILTER));
        return all.build();
    }

    public SearchResult search(SearchRequest request) {
        Query query = query(request);
        return searching(request, searcher -> run(searcher, query, request));
    }

    /** Every notice a request matches, in its order (relevance or date), without snippets or paging: for exports. */
    public List<NoticeView> all(SearchRequest request) {
        Query query = query(request);
        return searching(request, searcher -> {
            int count = Math.max(1, searcher.count(query));
            TopFieldCollectorManager top = new TopFieldCollectorManager(request.sort() == SearchSort.DATE ? BY_DATE : BY_RELEVANCE,
                    count, null, Integer.MAX_VALUE);
            List<NoticeView> views = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query, top).scoreDocs) {
                views.add(view(searcher, doc.doc));
            }
            return views;
        });
    }

    /**
     * The ids of the {@code count} notices of {@code filter} matching {@code q} that changed here last, newest change
     * first: the entries of a feed of a search, in the order a timeline's feed has them.
     */
    public List<Long> lastChanged(String q, NoticeFilter filter, int count) {
        SearchRequest request = new SearchRequest(q, filter, SearchSort.DATE, null, null);
        Query query = query(request);
        return searching(request, searcher -> {
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query, count, BY_CHANGE).scoreDocs) {
                ids.add((Long) ((FieldDoc) doc).fields[1]);
            }
            return ids;
        });
    }

    /** One search of an index. */
    private interface Searching<T> {
        T on(FacetedSearcher searcher) throws IOException;
    }

    /** {@code search} of this replica's index, or of the record as it stood when the request asks for a position. */
    private <T> T searching(SearchRequest request, Searching<T> search) {
        if (request.asOf() != null) {
            return guarded(search, history.at(request.asOf()));
        }
        return index.withSearcher(searcher -> guarded(search, searcher));
    }

    private static <T> T guarded(Searching<T> search, FacetedSearcher searcher) {
        try {
            return search.on(searcher);
        } catch (IndexSearcher.TooManyClauses e) {
            // Our own term budget is meant to come first; should a rewrite still outgrow Lucene's, it is the query's fault.
            throw new QuerySyntaxException("the query is too large once expanded; use fewer words or longer prefixes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The change-log position the index reflects. */
    public long position() {
        return index.position();
    }

    private SearchResult run(FacetedSearcher searcher, Query query, SearchRequest request) throws IOException {
        int limit = request.filter().limit();
        boolean byDate = request.sort() == SearchSort.DATE;
        SearchCursor cursor = request.cursor();
        int offset = byDate || cursor == null ? 0 : (int) Math.min(cursor.offset(), MAX_OFFSET);
        FieldDoc after = byDate && cursor != null ? new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[]{cursor.day(), cursor.id()}) : null;
        // One more than the page, to know whether there is a next one.
        int wanted = offset + limit + 1;
        TopFieldCollectorManager top = new TopFieldCollectorManager(byDate ? BY_DATE : BY_RELEVANCE, wanted, after, Integer.MAX_VALUE);
        Object[] collected = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
        TopDocs topDocs = (TopDocs) collected[0];
        FacetsCollector facetHits = (FacetsCollector) collected[1];

        ScoreDoc[] page = Stream.of(topDocs.scoreDocs).skip(offset).limit(limit).toArray(ScoreDoc[]::new);
        TopFieldCollector.populateScores(page, searcher, query);
        int[] docs = Stream.of(page).mapToInt(d -> d.doc).toArray();
        List<List<String>> snippets = Snippets.of(searcher, query, docs, config.search().snippets());
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchHit(view(searcher, page[i].doc), page[i].score, snippets.get(i)));
        }
        long total = facetHits.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        return new SearchResult(total, hits, facets(searcher, facetHits), next(topDocs, offset, limit, byDate, page));
    }

    private String next(TopDocs topDocs, int offset, int limit, boolean byDate, ScoreDoc[] page) {
        if (topDocs.scoreDocs.length <= offset + limit || page.length == 0) {
            return null;
        }
        if (byDate) {
            Object[] last = ((FieldDoc) page[page.length - 1]).fields;
            return SearchCursor.after((Long) last[0], (Long) last[1]).encode();
        }
        return offset + limit > MAX_OFFSET ? null : SearchCursor.offset(offset + limit).encode();
    }

    private NoticeView view(IndexSearcher searcher, int doc) throws IOException {
        String stored = searcher.storedFields().document(doc).get(SearchFields.VIEW);
        try {
            return json.readValue(stored, NoticeView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the index holds an item it cannot read; rebuild it", e);
        }
    }

    private Map<String, List<FacetValue>> facets(FacetedSearcher searcher, FacetsCollector hits) throws IOException {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        Facets counts = searcher.facets() == null ? null : new SortedSetDocValuesFacetCounts(searcher.facets(), hits);
        for (String dim : SearchFields.FACETS) {
            List<FacetValue> values = new ArrayList<>();
            FacetResult result = counts == null ? null : top(counts, dim);
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new FacetValue(lv.label, lv.value.longValue()));
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }

    private FacetResult top(Facets counts, String dim) throws IOException {
        try {
            return counts.getTopChildren(config.search().facetValues(), dim);
        } catch (IllegalArgumentException notIndexedYet) {
            return null; // no notice has a value for this facet
        }
    }

    /** The timeline filter parameters as index clauses: values of one filter are alternatives, filters combine. */
    private static List<Query> filters(NoticeFilter filter) {
        List<Query> clauses = new ArrayList<>();
        if (!filter.includeWithdrawn()) {
            clauses.add(new TermQuery(new Term(SearchFields.STATUS, NoticeStatus.PUBLISHED.id())));
        }
        any(clauses, SearchFields.PLATFORM, filter.platforms(), List.of());
        any(clauses, SearchFields.RULE, filter.ruleKeys(), alternatives(SearchFields.INSTRUMENT, filter.instruments()));
        any(clauses, SearchFields.AUTHORITY, filter.authorities(), List.of());
        any(clauses, SearchFields.TYPE, filter.types(), List.of());
        any(clauses, SearchFields.JURISDICTION, filter.jurisdictions(), List.of());
        any(clauses, SearchFields.PROCEEDING, filter.proceedings(), List.of());
        if (filter.from() != null || filter.to() != null) {
            clauses.add(DateValues.range(filter.from() == null ? org.noticeline.notice.NoticeDates.EARLIEST : filter.from(),
                    filter.to() == null ? org.noticeline.notice.NoticeDates.latest() : filter.to()));
        }
        return clauses;
    }

    private static void any(List<Query> clauses, String field, List<String> values, List<Query> more) {
        List<Query> alternatives = new ArrayList<>(alternatives(field, values));
        alternatives.addAll(more);
        if (alternatives.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(a -> any.add(a, BooleanClause.Occur.SHOULD));
        clauses.add(any.build());
    }

    private static List<Query> alternatives(String field, List<String> values) {
        return values.stream().<Query>map(v -> new TermQuery(new Term(field, v))).toList();
    }
}
