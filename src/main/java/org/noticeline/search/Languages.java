package org.noticeline.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text analysis by the notice's language: each notice's title, summary and body are stemmed the way its own language
 * stems, into one field each. A query does not say its language, so each word is analysed by every language and the
 * forms it takes are alternatives ({@code Plattformen} finds German notices through {@code plattform} and English
 * ones through {@code plattformen}). Languages without a stemmer here are only tokenised and lower-cased.
 */
final class Languages {

    /** A word or phrase as one language analyses it: terms and their positions (gaps where stop words were). */
    record Analysed(List<String> terms, List<Integer> positions) {
    }

    private static final Analyzer FALLBACK = perField(new StandardAnalyzer());
    private static final Map<String, Analyzer> BY_LANGUAGE = byLanguage();

    private Languages() {
    }

    private static Map<String, Analyzer> byLanguage() {
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("en", perField(new EnglishAnalyzer()));
        analyzers.put("de", perField(new GermanAnalyzer()));
        analyzers.put("fr", perField(new FrenchAnalyzer()));
        analyzers.put("pt", perField(new PortugueseAnalyzer()));
        analyzers.put("es", perField(new SpanishAnalyzer()));
        analyzers.put("it", perField(new ItalianAnalyzer()));
        analyzers.put("nl", perField(new DutchAnalyzer()));
        return Map.copyOf(analyzers);
    }

    /**
     * The built-in analyzers reuse one token stream per thread for every field; a document hands the index writer
     * its title, summary and body streams at once, so each field needs a stream of its own.
     */
    private static Analyzer perField(Analyzer analyzer) {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }
        };
    }

    /** The languages that have stemming here, for the README and tests. */
    static Set<String> stemmed() {
        return BY_LANGUAGE.keySet();
    }

    static Analyzer of(String language) {
        return language == null ? FALLBACK : BY_LANGUAGE.getOrDefault(language.toLowerCase(Locale.ROOT), FALLBACK);
    }

    /** {@code text} of a notice in {@code language}, ready to be indexed as {@code field}. */
    static TokenStream tokens(String language, String field, String text) {
        return of(language).tokenStream(field, text);
    }

    /** Every distinct way the languages analyse {@code text}; none when every language drops it (a stop word everywhere). */
    static List<Analysed> analyseEveryWay(String field, String text) {
        Set<Analysed> forms = new LinkedHashSet<>();
        for (Analyzer analyzer : all()) {
            Analysed analysed = analyse(analyzer, field, text);
            if (!analysed.terms().isEmpty()) {
                forms.add(analysed);
            }
        }
        return List.copyOf(forms);
    }

    /** Every distinct normalised (lower-cased, not stemmed) form of a prefix: stemming a prefix would cut it wrong. */
    static List<String> prefixForms(String field, String prefix) {
        Set<String> forms = new LinkedHashSet<>();
        for (Analyzer analyzer : all()) {
            BytesRef normalised = analyzer.normalize(field, prefix);
            forms.add(normalised.utf8ToString());
        }
        return List.copyOf(forms);
    }

    private static List<Analyzer> all() {
        List<Analyzer> all = new ArrayList<>(BY_LANGUAGE.values());
        all.add(FALLBACK);
        return all;
    }

    private static Analysed analyse(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Positions relative to the first term, so that the same phrase analysed alike compares equal.
        int first = positions.isEmpty() ? 0 : positions.get(0);
        return new Analysed(terms, positions.stream().map(p -> p - first).toList());
    }
}
