package org.noticeline.linking;

import java.util.HashMap;
import java.util.Map;

/** English month names as dates write them: "August", "Aug", "Aug.", "Sept.". Capitalised only, so "may" is a verb. */
final class Months {

    /** A month name in a text: its number (1-12) and where the name, with its abbreviation dot, ends. */
    record Name(int month, int end) {
    }

    private static final String[] FULL = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final Map<String, Integer> NUMBERS = numbers();

    private Months() {
    }

    /** The month named by the word starting at {@code pos}, or null. */
    static Name at(String text, int pos) {
        int end = pos;
        while (end < text.length() && end - pos < 10 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end == pos || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
            return null;
        }
        Integer month = NUMBERS.get(text.substring(pos, end));
        if (month == null) {
            return null;
        }
        boolean abbreviated = end - pos < FULL[month - 1].length();
        return new Name(month, abbreviated && end < text.length() && text.charAt(end) == '.' ? end + 1 : end);
    }

    /** The month named by the word ending at {@code end} (after an optional abbreviation dot), or null; its start is in {@code start[0]}. */
    static Name endingAt(String text, int end, int[] start) {
        int stop = end > 0 && text.charAt(end - 1) == '.' ? end - 1 : end;
        int begin = stop;
        while (begin > 0 && stop - begin < 10 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        if (begin == stop || (begin > 0 && Character.isLetterOrDigit(text.charAt(begin - 1)))) {
            return null;
        }
        Name name = at(text, begin);
        if (name == null || name.end() != end) {
            return null;
        }
        start[0] = begin;
        return name;
    }

    private static Map<String, Integer> numbers() {
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < FULL.length; i++) {
            numbers.put(FULL[i], i + 1);
            numbers.put(FULL[i].substring(0, 3), i + 1);
        }
        numbers.put("Sept", 9);
        return Map.copyOf(numbers);
    }
}
