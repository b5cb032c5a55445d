package org.noticeline.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.BM25Similarity;

import java.io.IOException;

/**
 * A searcher with the facet ordinals of its reader, worked out once per reader (when the index changes) rather
 * than once per query.
 */
final class FacetedSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facets;

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facets) {
        super(reader);
        this.facets = facets;
        setSimilarity(new BM25Similarity());
    }

    /** Null while the index holds no facet values at all (it is empty). */
    SortedSetDocValuesReaderState facets() {
        return facets;
    }

    static SearcherFactory factory(FacetsConfig config) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                SortedSetDocValuesReaderState state;
                try {
                    state = new DefaultSortedSetDocValuesReaderState(reader, config);
                } catch (IllegalArgumentException empty) {
                    state = null;
                }
                return new FacetedSearcher(reader, state);
            }
        };
    }
}
