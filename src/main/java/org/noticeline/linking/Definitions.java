package org.noticeline.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.regex.Pattern;

/**
 * Terms a document defines for an instrument it has just named, and the places it uses them: "the Online Safety Act
 * 2023 ("the Act")", "Regulation (EU) 2022/2065 (the "DSA")", "(hereinafter "the Regulation")", "(ci-après « le
 * règlement »)", "(im Folgenden „DSGVO“)", "(doravante "Marco Civil")". A defined word that is an ordinary noun
 * ("Act", "Regulation") counts only after a determiner ("the Act", "of this Regulation", "du règlement"), so that
 * "the Communications Act" is not the Act defined; an acronym ("OSA") counts wherever it stands.
 */
final class Definitions {

    /** Words that make a following noun a reference back ("the Act", "du règlement", "der Verordnung"). */
    static final Set<String> DETERMINERS = Set.of("the", "The", "this", "This", "that", "said", "le", "Le", "la", "La",
            "l'", "L'", "du", "au", "ce", "Ce", "cette", "ledit", "der", "Der", "die", "Die", "das", "Das", "des", "dem",
            "den", "dieser", "diesem", "dieses", "o", "O", "a", "A", "do", "da", "no", "na", "ao", "à", "pelo", "pela", "este", "esta");

    private static final String OPEN_QUOTE = "\"“„«‘'‹";
    private static final String CLOSE_QUOTE = "\"”“»’'›";
    private static final Pattern DEFINITION = Pattern.compile(
            "^\\)?,?\\s{0,3}[(\\[]?\\s{0,3}(?:(?:hereinafter|hereafter|henceforth|below|referred to as|in what follows|"
                    + "ci-après(?: dénommée?s?)?|dénommée?s? ci-après|im Folgenden|nachfolgend|fortan|doravante(?: denominad[oa]s?)?|"
                    + "adiante(?: designad[oa]s?)?)[,:]?\\s{1,3}(?:(?:referred to as|called|as)\\s{1,3})?)?"
                    + "(?:(?:the|le|la|les|die|der|das|o|a)\\s{1,3})?"
                    + "([" + OPEN_QUOTE + "])\\s?((?:the|The|le|la|l'|die|der|das|o|a)\\s)?([^\\n" + CLOSE_QUOTE + OPEN_QUOTE + "]{1,40}?)\\s?["
                    + CLOSE_QUOTE + "]\\s{0,3}[)\\],]?");

    /** A term defined at {@code [start, end)} of the text for an instrument named just before it. */
    record Definition(String term, boolean needsDeterminer, CatalogTerm.Instrument instrument, int start, int end) {
    }

    /** The rest of a formal title: lower-case words on ("of the European Parliament", "établissant des règles"). */
    private static final Pattern TITLE_REST = Pattern.compile(",?\\s\\p{Ll}[^()\"“”„«».;:]{2,150}?(?=\\s?\\()");

    private Definitions() {
    }

    /**
     * The definition right after the name {@code name}, if the text makes one there: straight after it, or after the
     * rest of a formal title ("Regulation (EU) 2022/2065 of the European Parliament and of the Council (hereinafter
     * "the Regulation")").
     */
    static Definition after(String text, NameMatch name) {
        if (!(name.term() instanceof CatalogTerm.Instrument instrument)) {
            return null;
        }
        Definition definition = at(text, name.end(), instrument);
        if (definition != null) {
            return definition;
        }
        int title = restOfTitle(text, name.end());
        return title < 0 ? null : at(text, title, instrument);
    }

    private static Definition at(String text, int from, CatalogTerm.Instrument instrument) {
        if (!quoteAhead(text, from)) {
            return null;
        }
        Matcher m = DEFINITION.matcher(text).region(from, Math.min(text.length(), from + 90));
        if (!m.lookingAt()) {
            return null;
        }
        String term = m.group(3).strip();
        if (term.isEmpty() || !Character.isLetterOrDigit(term.charAt(0))) {
            return null;
        }
        boolean acronym = term.chars().filter(Character::isUpperCase).count() >= 2 && !term.contains(" ");
        boolean needsDeterminer = m.group(2) != null || !acronym;
        return new Definition(term, needsDeterminer, new CatalogTerm.Instrument(instrument.numbering(), ResolvedBy.DEFINITION),
                from, m.end());
    }

    /**
     * True when an opening quote follows within a few words, before a sentence ends: the cheap test that spares
     * the definition grammar nearly every name (most are followed by no definition at all).
     */
    private static boolean quoteAhead(String text, int from) {
        int limit = Math.min(text.length(), from + 45);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (OPEN_QUOTE.indexOf(c) >= 0) {
                return true;
            }
            if (c == '.' || c == ';') {
                return false;
            }
        }
        return false;
    }

    /** Where a bracket opens after " of the European Parliament and of the Council of 19 October 2022", else -1. */
    private static int restOfTitle(String text, int end) {
        int bracket = end;
        int limit = Math.min(text.length(), end + 160);
        while (bracket < limit && "(.;:".indexOf(text.charAt(bracket)) < 0) {
            bracket++;
        }
        if (bracket >= limit || text.charAt(bracket) != '(' || !quoteAhead(text, bracket)) {
            return -1;
        }
        Matcher of = TITLE_REST.matcher(text).region(end, limit);
        return of.lookingAt() ? of.end() : -1;
    }

    /** Words that make a defined term an instrument's: "the 2003 Act", "the P2B Regulation", "la loi". */
    private static final Pattern INSTRUMENT_WORD = Pattern.compile(
            "\\b(Act|Regulations?|Directive|Law|Code|Treaty|Convention|Charter|Rules|Ordinance|Statute|[Ll]oi|[Rr]èglement|"
                    + "[Dd]irective|Gesetz\\w*|\\w*[Vv]erordnung|Richtlinie|Lei|Regulamento|Decreto|Código|Diretiva)\\b");
    private static final Pattern ANY_DEFINITION = Pattern.compile("[(\\[]\\s?(?:[\\p{L}-]+[,:]?\\s){0,3}[" + OPEN_QUOTE + "]");

    /**
     * Where the text defines a term for an instrument the catalog does not know ("the Communications Act 2003 (the
     * "2003 Act")"): such a document has another instrument in play, so its bare citations are not the known one's.
     */
    static List<Integer> foreign(String text, List<NameMatch> instruments) {
        Set<Integer> attached = new HashSet<>();
        for (NameMatch name : instruments) {
            Definition definition = after(text, name);
            if (definition != null) {
                attached.add(definition.start());
            }
        }
        List<Integer> found = new ArrayList<>();
        Matcher m = ANY_DEFINITION.matcher(text);
        for (int open = 0; open < text.length(); open++) {
            char c = text.charAt(open);
            if ((c != '(' && c != '[') || !quoteAhead(text, open) || !m.region(open, Math.min(text.length(), open + 45)).lookingAt()) {
                continue;
            }
            boolean known = IntStream.rangeClosed(open - 3, open).anyMatch(attached::contains);
            if (!known) {
                Matcher definition = DEFINITION.matcher(text).region(open, Math.min(text.length(), open + 90));
                if (definition.lookingAt() && INSTRUMENT_WORD.matcher(definition.group(3)).find()) {
                    found.add(open);
                }
            }
        }
        return found;
    }


    /** Where the document uses the term after defining it, as names of the defined instrument. */
    static List<NameMatch> uses(String text, Definition definition) {
        List<NameMatch> uses = new ArrayList<>();
        String term = definition.term();
        for (int at = text.indexOf(term, definition.end()); at >= 0; at = text.indexOf(term, at + term.length())) {
            int end = at + term.length();
            boolean whole = !Words.isWordChar(text, end) && (at == 0 || !Words.isWordChar(text.charAt(at - 1)));
            if (whole && (!definition.needsDeterminer() || afterDeterminer(text, at)) && !qualified(text, end)) {
                uses.add(new NameMatch(at, end, definition.instrument()));
            }
        }
        return uses;
    }

    /** True when a determiner stands right before {@code at}: "the Act", "l'Act", "du règlement". */
    static boolean afterDeterminer(String text, int at) {
        if (at >= 2 && (text.charAt(at - 1) == '\'' || text.charAt(at - 1) == '’')) {
            char l = text.charAt(at - 2);
            return (l == 'l' || l == 'L') && (at == 2 || !Words.isWordChar(text.charAt(at - 3)));
        }
        int end = at;
        while (end > 0 && Words.isSpace(text.charAt(end - 1)) && at - end < 3) {
            end--;
        }
        if (end == at) {
            return false;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start < end && DETERMINERS.contains(text.substring(start, end));
    }

    /**
     * True when the words after a generic noun make it another instrument's title: "the Regulation (EU) 2019/1150",
     * "the Act 2003", "the Regulation on political advertising", "the Directive of 8 June 2000".
     */
    static boolean qualified(String text, int end) {
        int pos = Words.spaces(text, end);
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        if (pos > end && (c == '(' || Words.isDigit(text, pos))) {
            return true;
        }
        if (c == '/' || c == '-') {
            return true;
        }
        for (String word : List.of("on", "of", "No", "no", "n°", "nº", "n.", "Nr.", "sur", "relatif", "relative", "über", "zur", "sobre", "de",
                "du", "des", "do", "da", "pour", "portant", "concernant", "vom", "zum")) {
            if (pos > end && Words.afterWord(text, pos, word) > 0) {
                return true;
            }
        }
        return false;
    }
}
