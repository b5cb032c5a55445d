package org.noticeline.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The passages of each hit's summary and body where the query matched. Offsets come from the postings, so the
 * stored text is never analysed again (with whichever language it was). Each passage is escaped first and
 * marked second: only the {@code <mark>} we add is markup, whatever the notice's text contains.
 */
final class Snippets {

    private static final String[] FIELDS = {SearchFields.SUMMARY, SearchFields.BODY};
    private static final int MAX_LENGTH = 100_000;
    private static final StandardAnalyzer UNUSED = new StandardAnalyzer();

    /** One passage, and whether the query matched in it (otherwise it is the text's opening, shown for want of better). */
    private record Passaged(String html, boolean matched) {
    }

    private Snippets() {
    }

    /** For each of {@code docs}, up to {@code max} snippets: matches first, summary before body; the opening if none matched. */
    static List<List<String>> of(IndexSearcher searcher, Query query, int[] docs, int max) {
        if (docs.length == 0) {
            return List.of();
        }
        Highlighter highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, UNUSED)
                .withFormatter(new Marking())
                .withMaxLength(MAX_LENGTH)
                .withHighlightPhrasesStrictly(true));
        int[] passages = new int[FIELDS.length];
        Arrays.fill(passages, max);
        Map<String, Object[]> found;
        try {
            found = highlighter.passages(query, docs, passages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            List<Passaged> matched = new ArrayList<>();
            List<Passaged> opening = new ArrayList<>();
            for (String field : FIELDS) {
                Object value = found.get(field)[i];
                if (value instanceof List<?> list) {
                    for (Object p : list) {
                        Passaged passage = (Passaged) p;
                        (passage.matched() ? matched : opening).add(passage);
                    }
                }
            }
            List<Passaged> chosen = matched.isEmpty() ? opening.stream().limit(1).toList() : matched.stream().limit(max).toList();
            all.add(chosen.stream().map(Passaged::html).toList());
        }
        return all;
    }

    /** The highlighter with its formatter's objects in reach (the base class keeps that method to subclasses). */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> passages(Query query, int[] docs, int[] passages) throws IOException {
            return highlightFieldsAsObjects(FIELDS, query, docs, passages);
        }
    }

    /** Formats passages into {@link Passaged} values rather than one string, so that callers can pick among them. */
    private static final class Marking extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            List<Passaged> out = new ArrayList<>();
            for (Passage passage : passages) {
                StringBuilder html = new StringBuilder();
                int at = passage.getStartOffset();
                for (int m = 0; m < passage.getNumMatches(); m++) {
                    int start = Math.max(passage.getMatchStarts()[m], at);
                    int end = Math.min(passage.getMatchEnds()[m], passage.getEndOffset());
                    if (end <= start) {
                        continue; // inside a match already marked
                    }
                    escape(html, content, at, start);
                    html.append("<mark>");
                    escape(html, content, start, end);
                    html.append("</mark>");
                    at = end;
                }
                escape(html, content, at, passage.getEndOffset());
                String text = html.toString().strip();
                if (!text.isEmpty()) {
                    out.add(new Passaged(text, passage.getNumMatches() > 0));
                }
            }
            return out;
        }

        /** HTML-escapes {@code content[from, to)}, with runs of whitespace (line breaks in the body) as one space. */
        private static void escape(StringBuilder out, String content, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = content.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> {
                        if (Character.isWhitespace(c)) {
                            if (out.length() == 0 || out.charAt(out.length() - 1) != ' ') {
                                out.append(' ');
                            }
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }
}
