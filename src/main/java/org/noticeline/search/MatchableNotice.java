package org.noticeline.search;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.noticeline.notice.Notice;
import org.noticeline.notice.NoticeTerms;
import org.noticeline.notice.NoticeText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One notice ready to be tried against many {@link TextFilter}s: its terms for the structured filters, and a one-notice
 * Lucene index ({@link MemoryIndex}) of the same fields the search index holds, built the first time a text query
 * asks. A new notice is matched against stored queries without a round trip through the search index, which may not
 * have it yet, and the text is read only if some query wants it.
 */
public final class MatchableNotice {

    // Every field of the document comes analysed already (text by the notice's language, keys as they are).
    private static final KeywordAnalyzer UNUSED = new KeywordAnalyzer();

    private final NoticeTerms terms;
    private final Supplier<NoticeText> text;
    private IndexSearcher searcher;
    private Set<String> held;
    // By identity: a query's own hash walks its whole tree, dearer than running it here. Alerts with the same text
    // share one parsed query (the subscription index keeps one per text), so each is still run once per notice.
    private final Map<Query, Boolean> results = new IdentityHashMap<>();
    private final Map<Set<String>, Boolean> holds = new IdentityHashMap<>();

    private MatchableNotice(NoticeTerms terms, Supplier<NoticeText> text) {
        this.terms = terms;
        this.text = text;
    }

    /** A notice whose text is read from {@code text} only when a text query is tried. */
    public static MatchableNotice of(NoticeTerms terms, Supplier<NoticeText> text) {
        return new MatchableNotice(terms, text);
    }

    public static MatchableNotice of(Notice notice) {
        NoticeText text = NoticeText.of(notice);
        return new MatchableNotice(NoticeTerms.of(notice), () -> text);
    }

    public NoticeTerms terms() {
        return terms;
    }

    /**
     * Whether {@code query} matches this notice, run once per notice for each query object, and callers on several
     * threads (streams) share one notice.
     */
    synchronized boolean matches(Query query) {
        return results.computeIfAbsent(query, q -> {
            try {
                return searcher().count(q) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether this notice holds one of {@code keys} ({@link TextFilter#key}s). */
    synchronized boolean holdsAny(Set<String> keys) {
        return holds.computeIfAbsent(keys, wanted -> {
            Set<String> terms = held();
            for (String key : wanted) {
                if (terms.contains(key)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Every term this notice holds in each field of the search index, as {@link TextFilter#key}s. */
    public synchronized Set<String> held() {
        if (held == null) {
            Set<String> keys = new HashSet<>();
            try {
                LeafReader reader = searcher().getIndexReader().leaves().get(0).reader();
                for (FieldInfo field : reader.getFieldInfos()) {
                    Terms terms = reader.terms(field.name);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum each = terms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        keys.add(TextFilter.key(field.name, term.utf8ToString()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            held = Set.copyOf(keys);
        }
        return held;
    }

    /** One searcher for all the queries tried here, without scores or a query cache: only whether each matches. */
    private IndexSearcher searcher() {
        if (searcher == null) {
            searcher = MemoryIndex.fromDocument(NoticeDocuments.searchable(terms, text.get()), UNUSED).createSearcher();
            searcher.setQueryCache(null);
        }
        return searcher;
    }
}
