package org.noticeline.linking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The words that introduce a citation ("Article", "Art.", "section", "s.", "§§", "Part", "Recital")
 * and the qualifiers that may precede one ("point (c) of Article 35(1)", "paragraph 1 of Article 34").
 */
final class CitationMarkers {

    enum Kind {
        ARTICLE(Unit.ARTICLE), SECTION(Unit.SECTION), PART(Unit.PART), RECITAL(Unit.RECITAL),
        POINT(null), PARAGRAPH(null);

        final Unit unit;

        Kind(Unit unit) {
            this.unit = unit;
        }
    }

    record Marker(Kind kind, int start, int end) {
    }

    private static final AhoCorasick<Kind> WORDS = words();

    private CitationMarkers() {
    }

    /** The markers in {@code text}, in order; where two start together, the longer ("Articles" over "Art"). */
    static List<Marker> find(String text) {
        List<Marker> candidates = new ArrayList<>();
        WORDS.scan(text, (start, end, kind) -> {
            if (standsAlone(text, start, end)) {
                candidates.add(new Marker(kind, start, end));
            }
        });
        candidates.sort(Comparator.comparingInt(Marker::start).thenComparing(Comparator.comparingInt(Marker::end).reversed()));
        List<Marker> markers = new ArrayList<>();
        for (Marker candidate : candidates) {
            if (markers.isEmpty() || markers.get(markers.size() - 1).start() != candidate.start()) {
                markers.add(candidate);
            }
        }
        return markers;
    }

    private static boolean standsAlone(String text, int start, int end) {
        char first = text.charAt(start);
        char before = start == 0 ? ' ' : text.charAt(start - 1);
        if (first == 's' && end - start <= 3) {
            // "s. 10", "ss 9-10": only after a space or bracket, never the end of a word ("services. 10")
            if (!Character.isWhitespace(before) && before != '(' && before != '[') {
                return false;
            }
        } else if (Words.isWordChar(first) && Words.isWordChar(before)) {
            return false;
        }
        char last = text.charAt(end - 1);
        return end == text.length() || !Words.isWordChar(last) || !Words.isWordChar(text.charAt(end));
    }

    private static AhoCorasick<Kind> words() {
        AhoCorasick.Builder<Kind> words = AhoCorasick.builder();
        // English, German (Artikel), French and Portuguese (artigo) forms
        for (String w : List.of("Article", "Articles", "article", "articles", "ARTICLE", "ARTICLES",
                "Art.", "Arts.", "art.", "arts.", "Art", "Arts", "Artt.", "Artikel", "Artikels", "artigo", "artigos", "Artigo",
                "Artigos", "Art.º", "art.º")) {
            words.add(w, Kind.ARTICLE);
        }
        for (String w : List.of("Section", "Sections", "section", "sections", "SECTION", "subsection", "subsections",
                "Subsection", "Sec.", "Secs.", "sec.",
                "s.", "ss.", "s", "ss", "§", "§§")) {
            words.add(w, Kind.SECTION);
        }
        for (String w : List.of("Part", "Parts", "PART")) {
            words.add(w, Kind.PART);
        }
        for (String w : List.of("Recital", "Recitals", "recital", "recitals", "RECITAL", "Erwägungsgrund", "Erwägungsgründe",
                "considérant", "considérants", "Considérant", "considerando", "considerandos", "Considerando")) {
            words.add(w, Kind.RECITAL);
        }
        for (String w : List.of("point", "points", "Point", "Points")) {
            words.add(w, Kind.POINT);
        }
        for (String w : List.of("paragraph", "paragraphs", "Paragraph", "Paragraphs")) {
            words.add(w, Kind.PARAGRAPH);
        }
        return words.build();
    }
}
