package org.noticeline.linking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Month names as dates write them: English "August", "Aug", "Aug.", "Sept." (capitalised only, so "may" is a verb),
 * and, for dates written day first, German "Juli", French "juillet" and Portuguese "julho".
 */
final class Months {

    /** A month name in a text: its number (1-12) and where the name, with its abbreviation dot, ends. */
    record Name(int month, int end) {
    }

    private static final String[] FULL = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final Map<String, Integer> NUMBERS = numbers();
    private static final List<List<String>> OTHER_LANGUAGES = List.of(
            List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"),
            List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
            List.of("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"));
    private static final Map<String, Integer> DAY_FIRST = dayFirst();

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

    /** The month named by the word at {@code pos} in a date written day first, in any of the languages; or null. */
    static Name dayFirstAt(String text, int pos) {
        int end = pos;
        while (end < text.length() && end - pos < 10 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end == pos || Words.isWordChar(text, end)) {
            return null;
        }
        String word = text.substring(pos, end);
        Integer month = NUMBERS.get(word);
        if (month != null) {
            return at(text, pos);
        }
        month = DAY_FIRST.get(word);
        return month == null ? null : new Name(month, end);
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

    private static Map<String, Integer> dayFirst() {
        Map<String, Integer> numbers = new HashMap<>();
        for (List<String> language : OTHER_LANGUAGES) {
            for (int i = 0; i < language.size(); i++) {
                String name = language.get(i);
                numbers.put(name, i + 1);
                numbers.put(Character.toUpperCase(name.charAt(0)) + name.substring(1), i + 1);
            }
        }
        return Map.copyOf(numbers);
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
