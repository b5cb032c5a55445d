package org.noticeline.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches of the record as it stood after a change ({@code asOf=<seq>}): the public notices as the change log's
 * states kept them, each with the body of its revision then, indexed in memory exactly as the live index indexes a
 * notice, so that a query cited in a paper gives the same hits, facets and snippets when run again. Built on first
 * use of a position and kept for the last {@value #KEPT} positions asked for: a record as it stood never changes,
 * so nothing invalidates them. The cost is the whole record read and indexed once per position.
 */
@ApplicationScoped
class HistoricIndexes {

    private static final int KEPT = 2;
    /** Every notice the states hold, withdrawn ones too: the query's own filters narrow it, as on the live index. */
    private static final NoticeFilter EVERY_NOTICE = new NoticeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            null, null, true, 0, null);

    @Inject
    NoticeHistory history;
    @Inject
    ObjectMapper json;

    private final FacetsConfig facets = NoticeDocuments.facetsConfig();
    private final Map<Long, FacetedSearcher> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FacetedSearcher> eldest) {
            return size() > KEPT;
        }
    };

    /** A searcher of the record after change {@code seq}; {@link NoticeHistory.PositionRefused} for one it cannot give. */
    synchronized FacetedSearcher at(long seq) {
        FacetedSearcher searcher = kept.get(seq);
        if (searcher == null) {
            searcher = build(seq);
            kept.put(seq, searcher);
        }
        return searcher;
    }

    private FacetedSearcher build(long seq) {
        record Stood(List<NoticeHistory.StoodAs> notices, Map<Long, String> bodies) {
        }
        Stood stood = QuarkusTransaction.requiringNew().call(() -> {
            List<NoticeHistory.StoodAs> notices = history.asOf(seq, EVERY_NOTICE);
            return new Stood(notices, history.bodies(notices));
        });
        NoticeDocuments documents = new NoticeDocuments(facets, json);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (NoticeHistory.StoodAs notice : stood.notices()) {
                    writer.addDocument(documents.of(notice.noticeId(), notice.view(), stood.bodies().get(notice.noticeId())));
                }
            }
            return (FacetedSearcher) FacetedSearcher.factory(facets).newSearcher(DirectoryReader.open(directory), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
