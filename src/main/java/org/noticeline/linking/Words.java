package org.noticeline.linking;

/** How the engine reads words: what joins characters into a word and what separates words. */
final class Words {

    private Words() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean isWordChar(String text, int pos) {
        return pos < text.length() && isWordChar(text.charAt(pos));
    }

    /** Any whitespace, the no-break spaces included. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isDigit(String text, int pos) {
        return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
    }

    /** Skips up to three whitespace characters: enough for "Art.\u00A034" or a line break, not for a new paragraph. */
    static int spaces(String text, int pos) {
        int end = pos;
        while (end < text.length() && end - pos < 3 && isSpace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The position after {@code word} at {@code pos} when it is a whole word there, else -1. */
    static int afterWord(String text, int pos, String word) {
        if (!text.startsWith(word, pos)) {
            return -1;
        }
        int end = pos + word.length();
        boolean endsInLetter = Character.isLetter(word.charAt(word.length() - 1));
        return endsInLetter && isWordChar(text, end) ? -1 : end;
    }
}
