package org.noticeline.linking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.noticeline.linking.Words.afterWord;
import static org.noticeline.linking.Words.isDigit;
import static org.noticeline.linking.Words.isWordChar;
import static org.noticeline.linking.Words.spaces;

/**
 * Reads citations out of text: a marker and numbers with their paragraphs and points ("Article 35(1)(c)",
 * "Art. 35 (1)(c)", "§ 230(c)(1)", "s. 10", "Article 35(1), point (c)"), lists ("Articles 34(1), 34(2)
 * and 35(1)", "Article 6(1)(b) and (f)"), ranges ("Articles 34 to 36", "§§ 6501-6506"), qualifiers
 * ("point (c) of Article 35(1)") and numbers straight after a codified title ("15 U.S.C. 45(a)").
 * Which instrument is cited is for {@link InstrumentResolver} to say.
 */
final class CitationParser {

    /** Wider ranges are written out by nobody; a wider one is more likely two unrelated numbers. */
    private static final int WIDEST_RANGE = 300;
    /**
     * Provisions read from one text at most. "Articles 1 to 300" repeated over a megabyte would otherwise be
     * seventeen million mentions; no document cites a tenth of this, and the rest of such a text is not read.
     */
    static final int MAX_PROVISIONS = 10_000;
    private static final int MAX_DIGITS = 5;
    private static final int MAX_LABEL = 4;
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");
    /** Subdivisions numbered in words, as English, German, French and Portuguese texts write them ("Abs. 1 Nr. 2"). */
    private static final List<String> PARAGRAPH_WORDS = List.of("paragraph", "para.", "Abs.", "Absatz", "UAbs.", "Satz", "S.",
            "Nr.", "Ziff.", "paragraphe", "alinéa", "al.", "parágrafo", "inciso");
    /** Subdivisions lettered in words: "lit. f", "Buchst. a", and the French "point f)". */
    private static final List<String> LETTER_WORDS = List.of("lit.", "Buchst.", "Buchstabe", "alínea");
    private static final List<String> CONJUNCTIONS = List.of("and/or", "and", "or", "&", "et", "und", "oder", "ou", "e", "sowie");
    private static final List<String> RANGE_WORDS = List.of("to", "through", "à", "bis", "a");
    private static final List<String> CONTINUATIONS = List.of("et seq.", "et seq", "ff.");

    private record Qualifier(CitationMarkers.Kind kind, List<String> labels, int start, int resume) {

        Citation applyTo(Citation citation) {
            CitedItem first = citation.items().get(0);
            List<CitedItem> items = new ArrayList<>();
            for (String label : labels) {
                List<String> subdivisions = new ArrayList<>(first.subdivisions());
                subdivisions.add(kind == CitationMarkers.Kind.POINT ? subdivisions.size() : 0, label);
                items.add(new CitedItem(first.number(), subdivisions, start, first.end()));
            }
            items.addAll(citation.items().subList(1, citation.items().size()));
            return new Citation(citation.unit(), items, start, citation.end());
        }
    }

    /** The citations in {@code text}, in order and not overlapping; {@code names} locate codified titles. */
    List<Citation> parse(String text, List<NameMatch> names) {
        List<Citation> found = new ArrayList<>();
        int[] nameStarts = names.stream().mapToInt(NameMatch::start).toArray();
        List<CitationMarkers.Marker> markers = CitationMarkers.find(text);
        int counted = 0;
        int provisions = 0;
        for (int m = 0; m < markers.size(); m++) {
            while (counted < found.size()) {
                provisions += found.get(counted++).items().size();
            }
            if (provisions >= MAX_PROVISIONS) {
                break;
            }
            CitationMarkers.Marker marker = markers.get(m);
            if (marker.kind().unit != null) {
                addIfPresent(found, citation(text, nameStarts, marker.kind().unit, marker.start(), marker.end()));
                continue;
            }
            Qualifier qualifier = qualifier(text, marker);
            if (qualifier != null && m + 1 < markers.size() && markers.get(m + 1).start() == qualifier.resume()
                    && markers.get(m + 1).kind().unit != null && markers.get(m + 1).kind().unit != Unit.RECITAL) {
                CitationMarkers.Marker cited = markers.get(++m);
                Citation citation = citation(text, nameStarts, cited.kind().unit, cited.start(), cited.end());
                addIfPresent(found, citation == null ? null : qualifier.applyTo(citation));
            }
        }
        for (NameMatch name : names) {
            // "15 U.S.C. 45(a)", "16 CFR 312": a title cited by number is followed by the section itself
            if (name.term() instanceof CatalogTerm.Instrument && isDigit(text, name.start())) {
                int pos = spaces(text, name.end());
                if (pos > name.end() && isDigit(text, pos)) {
                    addIfPresent(found, citation(text, nameStarts, Unit.ANY, pos, pos));
                }
            }
        }
        found.sort(Comparator.comparingInt(Citation::start));
        List<Citation> citations = new ArrayList<>();
        for (Citation citation : found) {
            if (citations.isEmpty() || citation.start() >= citations.get(citations.size() - 1).end()) {
                citations.add(citation);
            }
        }
        return citations;
    }

    private static void addIfPresent(List<Citation> citations, Citation citation) {
        if (citation != null) {
            citations.add(citation);
        }
    }

    private static Citation citation(String text, int[] nameStarts, Unit unit, int start, int markerEnd) {
        int numberAt = spaces(text, markerEnd);
        CitedItem first = item(text, numberAt);
        if (first == null && numberAt > markerEnd) {
            first = bracketedNumber(text, numberAt);
        }
        if (first == null) {
            return null;
        }
        // the first provision's text includes the marker: "Article 34(1)", "Articles 34 to 36"
        first = new CitedItem(first.number(), first.subdivisions(), start, first.end());
        List<CitedItem> items = new ArrayList<>(range(text, first));
        while (true) {
            CitedItem last = items.get(items.size() - 1);
            int next = listContinuation(text, last.end());
            if (next < 0) {
                break;
            }
            if (text.charAt(next) == '(') {
                CitedItem bare = bareItem(text, next, last);
                if (bare == null) {
                    break;
                }
                items.add(bare);
            } else {
                // "§§ 6501-6506 and 16 C.F.R. Part 312": a number opening a title's name starts another citation;
                // "Article 17, 12 August 2024": a number before a month is a day
                CitedItem item = item(text, next);
                if (item == null || Arrays.binarySearch(nameStarts, next) >= 0
                        || Months.at(text, spaces(text, item.end())) != null) {
                    break;
                }
                items.addAll(range(text, item));
            }
        }
        int lastIndex = items.size() - 1;
        items.set(lastIndex, items.get(lastIndex).withEnd(afterEtSeq(text, items.get(lastIndex).end())));
        return new Citation(unit, items, start, items.get(lastIndex).end());
    }

    /** "Article (40)": a number written in brackets straight after the marker, as some letters do. */
    private static CitedItem bracketedNumber(String text, int open) {
        if (open >= text.length() || text.charAt(open) != '(' || !isDigit(text, open + 1)) {
            return null;
        }
        int close = open + 1;
        while (isDigit(text, close)) {
            close++;
        }
        if (close >= text.length() || text.charAt(close) != ')' || close - open - 1 > 3) {
            return null;
        }
        List<String> subdivisions = new ArrayList<>();
        int end = writtenSubdivisions(text, parentheses(text, close + 1, subdivisions), subdivisions);
        return new CitedItem(text.substring(open + 1, close), subdivisions, open, end);
    }

    /** A number with its subdivisions: "34", "28b", "35(1)(c)", "312.5(a)", "6 paragraph 1 lit. f". */
    private static CitedItem item(String text, int start) {
        int pos = start;
        while (isDigit(text, pos)) {
            pos++;
        }
        if (pos == start || pos - start > MAX_DIGITS) {
            return null;
        }
        String number = text.substring(start, pos);
        // "art. 7º", "artigo 28.º": the ordinal sign says "seventh", not a provision 7º
        if (text.startsWith("º", pos) || text.startsWith("°", pos)) {
            pos++;
        } else if (text.startsWith(".º", pos)) {
            pos += 2;
        } else if (pos < text.length() && Character.isLetter(text.charAt(pos)) && !isWordChar(text, pos + 1)) {
            number += Character.toLowerCase(text.charAt(pos++));
        }
        if (pos < text.length() && (text.charAt(pos) == '/' || (text.charAt(pos) == ',' && isDigit(text, pos + 1)))) {
            return null;
        }
        List<String> subdivisions = new ArrayList<>();
        if (pos < text.length() && text.charAt(pos) == '.' && isDigit(text, pos + 1)) {
            int sub = pos + 1;
            while (isDigit(text, sub)) {
                sub++;
            }
            subdivisions.add(text.substring(pos + 1, sub));
            pos = sub;
        }
        pos = parentheses(text, pos, subdivisions);
        pos = writtenSubdivisions(text, pos, subdivisions);
        return new CitedItem(number, subdivisions, start, pos);
    }

    /** "(1)(c)", "(1) (c)": appends the labels and returns where they end. */
    private static int parentheses(String text, int start, List<String> labels) {
        int pos = start;
        while (true) {
            int open = pos < text.length() && text.charAt(pos) == ' ' ? pos + 1 : pos;
            if (open >= text.length() || text.charAt(open) != '(') {
                return pos;
            }
            int close = open + 1;
            while (close < text.length() && close - open <= MAX_LABEL && text.charAt(close) != ')') {
                close++;
            }
            if (close >= text.length() || text.charAt(close) != ')' || !isLabel(text, open + 1, close)) {
                return pos;
            }
            labels.add(text.substring(open + 1, close));
            pos = close + 1;
        }
    }

    /** Subdivisions written as words after the number: ", point (c)", " paragraph 1", " lit. f", ", first subparagraph". */
    private static int writtenSubdivisions(String text, int start, List<String> subdivisions) {
        int pos = start;
        for (int next = writtenSubdivision(text, pos, subdivisions); next > pos; next = writtenSubdivision(text, pos, subdivisions)) {
            pos = next;
        }
        return pos;
    }

    private static int writtenSubdivision(String text, int pos, List<String> subdivisions) {
        int word = pos < text.length() && text.charAt(pos) == ',' ? pos + 1 : pos;
        if (word >= text.length() || text.charAt(word) != ' ') {
            return pos;
        }
        word++;
        int after = Math.max(afterWord(text, word, "point"), afterWord(text, word, "sous"));
        if (after > 0) {
            int end = parentheses(text, after, subdivisions);
            if (end > after) {
                return end;
            }
            // "point f)", "sous f)", as French texts letter points
            int label = spaces(text, after);
            if (label > after && isLetterLabel(text, label, ')')) {
                subdivisions.add(text.substring(label, label + 1));
                return label + 2;
            }
            return pos;
        }
        for (String letter : LETTER_WORDS) {
            after = afterWord(text, word, letter);
            if (after > 0) {
                int label = spaces(text, after);
                if (!isLetterLabel(text, label)) {
                    return pos;
                }
                subdivisions.add(text.substring(label, label + 1));
                // "alínea a)": the bracket closes the letter
                return isLetterLabel(text, label, ')') ? label + 2 : label + 1;
            }
        }
        for (String paragraph : PARAGRAPH_WORDS) {
            after = afterWord(text, word, paragraph);
            if (after > 0) {
                int digits = spaces(text, after);
                int end = digits;
                while (isDigit(text, end)) {
                    end++;
                }
                // "inciso X": Brazilian law numbers its items in roman numerals
                while (end == digits || (end > digits && "IVXLC".indexOf(text.charAt(end - 1)) >= 0)) {
                    if (end < text.length() && "IVXLC".indexOf(text.charAt(end)) >= 0) {
                        end++;
                    } else {
                        break;
                    }
                }
                if (end > digits && Words.isWordChar(text, end)) {
                    return pos;
                }
                if (end == digits) {
                    return pos;
                }
                subdivisions.add(text.substring(digits, end));
                return end;
            }
        }
        for (String ordinal : ORDINALS) {
            if (text.startsWith(ordinal + " subparagraph", word)) {
                return word + ordinal.length() + " subparagraph".length();
            }
        }
        return pos;
    }

    /** "34 to 36" and "6501-6506" give every number between; "28a to 28b" gives both ends. */
    private static List<CitedItem> range(String text, CitedItem first) {
        int pos = first.end();
        int after = RANGE_WORDS.stream().mapToInt(w -> afterWord(text, spaces(text, pos), w)).max().orElse(-1);
        if (after < 0) {
            int dash = spaces(text, pos);
            after = dash < text.length() && "-–—".indexOf(text.charAt(dash)) >= 0 ? spaces(text, dash + 1) : -1;
        } else {
            after = spaces(text, after);
        }
        if (after < 0 || after >= text.length()) {
            return List.of(first);
        }
        CitedItem last = text.charAt(after) == '(' ? bareItem(text, after, first) : item(text, after);
        if (last == null) {
            return List.of(first);
        }
        if (!isInteger(first.number()) || !isInteger(last.number())) {
            return List.of(first, last);
        }
        int from = Integer.parseInt(first.number());
        int to = Integer.parseInt(last.number());
        if (to <= from || to - from > WIDEST_RANGE) {
            return List.of(first, last);
        }
        List<CitedItem> items = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            List<String> subdivisions = n == from ? first.subdivisions() : n == to ? last.subdivisions() : List.of();
            items.add(new CitedItem(Integer.toString(n), subdivisions, first.start(), last.end()));
        }
        return items;
    }

    /** "(f)" after "Article 6(1)(b) and": the same provision with its deepest subdivisions replaced. */
    private static CitedItem bareItem(String text, int start, CitedItem previous) {
        List<String> labels = new ArrayList<>();
        int end = parentheses(text, start, labels);
        if (labels.isEmpty()) {
            return null;
        }
        List<String> subdivisions = new ArrayList<>(previous.subdivisions()
                .subList(0, Math.max(0, previous.subdivisions().size() - labels.size())));
        subdivisions.addAll(labels);
        return new CitedItem(previous.number(), subdivisions, start, end);
    }

    /** Where the next item of a list starts after ", ", " and ", ", or ", " and/or ", or -1. */
    private static int listContinuation(String text, int end) {
        int pos = spaces(text, end);
        boolean separated = false;
        if (pos < text.length() && text.charAt(pos) == ',') {
            separated = true;
            pos = spaces(text, pos + 1);
        }
        for (String conjunction : CONJUNCTIONS) {
            int after = afterWord(text, pos, conjunction);
            if (after > 0) {
                separated = true;
                pos = spaces(text, after);
                break;
            }
        }
        return separated && pos < text.length() && (isDigit(text, pos) || text.charAt(pos) == '(') ? pos : -1;
    }

    /** "point (c) of", "points (a) and (b) of", "paragraph 1 of": the labels and where the cited marker should start. */
    private static Qualifier qualifier(String text, CitationMarkers.Marker marker) {
        List<String> labels = new ArrayList<>();
        int pos = spaces(text, marker.end());
        if (pos == marker.end()) {
            return null;
        }
        while (true) {
            int end = pos;
            if (marker.kind() == CitationMarkers.Kind.POINT) {
                end = parentheses(text, pos, labels);
            } else {
                while (isDigit(text, end)) {
                    end++;
                }
                if (end > pos) {
                    labels.add(text.substring(pos, end));
                }
            }
            if (end == pos) {
                return null;
            }
            int next = listContinuation(text, end);
            if (next < 0) {
                pos = end;
                break;
            }
            pos = next;
        }
        int after = afterWord(text, spaces(text, pos), "of");
        return after < 0 ? null : new Qualifier(marker.kind(), labels, marker.start(), spaces(text, after));
    }

    private static int afterEtSeq(String text, int end) {
        int pos = spaces(text, end);
        for (String continuation : CONTINUATIONS) {
            if (pos > end && text.startsWith(continuation, pos) && !isWordChar(text, pos + continuation.length())) {
                return pos + continuation.length();
            }
        }
        return end;
    }

    /** "1", "1a", "c", "iv", "A": what legislation puts in brackets; "(EU)" and "(Risk assessment)" are not. */
    private static boolean isLabel(String text, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_LABEL) {
            return false;
        }
        char first = text.charAt(start);
        if (Character.isUpperCase(first)) {
            return length == 1;
        }
        int digits = 0;
        while (digits < length && isDigit(text, start + digits)) {
            digits++;
        }
        if (digits > 0) {
            return digits <= 3 && (digits == length || (digits == length - 1 && isLowerAscii(text.charAt(end - 1))));
        }
        for (int i = start; i < end; i++) {
            if (!isLowerAscii(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLetterLabel(String text, int pos) {
        return pos < text.length() && Character.isLowerCase(text.charAt(pos)) && !isWordChar(text, pos + 1);
    }

    private static boolean isLetterLabel(String text, int pos, char closing) {
        return isLetterLabel(text, pos) && pos + 1 < text.length() && text.charAt(pos + 1) == closing;
    }

    private static boolean isInteger(String number) {
        return !number.isEmpty() && Character.isDigit(number.charAt(number.length() - 1));
    }
}
