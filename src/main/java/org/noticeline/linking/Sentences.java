package org.noticeline.linking;

import java.util.Set;

/**
 * Where the sentence around a position starts, so that a citation is only resolved through an
 * instrument named earlier in its own sentence. A sentence ends at '.', '!' or '?' followed by a space
 * and not by a lower-case word, unless the dot closes an abbreviation ("Art.", "U.S.C.", "No."); a blank
 * line ends one too. A single line break does not, so a bulleted list stays with its lead-in.
 */
final class Sentences {

    /** Far enough for the longest legal sentence; bounds the work for text without punctuation. */
    private static final int MAX_LENGTH = 3000;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "Art", "Arts", "art", "arts", "Artt", "No", "Nos", "no", "Sec", "Secs", "sec", "para", "paras", "Para",
            "Corp", "Inc", "Ltd", "Co", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "vs", "cf", "seq", "al", "ff", "lit",
            "Abs", "Nr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "pp", "Reg", "Dir", "approx", "ibid", "op", "cit", "Buchst", "UAbs", "Ziff", "Rn", "vgl", "bzw", "Az", "Rs",
            "ca", "Nº", "nº", "Rec", "Sect", "Pty");

    private Sentences() {
    }

    static int startOf(String text, int pos) {
        int limit = Math.max(0, pos - MAX_LENGTH);
        for (int i = pos - 1; i > limit; i--) {
            char c = text.charAt(i);
            if (c == '\n' && blankLineBefore(text, i)) {
                return i + 1;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < pos && Character.isWhitespace(text.charAt(i + 1))
                    && !nextWordIsLowerCase(text, i + 1, pos) && !(c == '.' && closesAbbreviation(text, i))) {
                return i + 1;
            }
        }
        return limit;
    }

    private static boolean blankLineBefore(String text, int newline) {
        for (int i = newline - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean nextWordIsLowerCase(String text, int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < limit && Character.isLowerCase(text.charAt(i));
    }

    private static boolean closesAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        // a single letter before the dot is an initial or part of "U.S.C.", "s.", "e.g."
        return dot - start == 1 || ABBREVIATIONS.contains(text.substring(start, dot));
    }
}
