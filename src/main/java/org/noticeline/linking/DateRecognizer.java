package org.noticeline.linking;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.noticeline.linking.Words.isDigit;
import static org.noticeline.linking.Words.isSpace;

/** Finds calendar dates ("12 August 2024", "August 12, 2024", "2024-08-12") and writes them as ISO dates. */
final class DateRecognizer {

    private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th");

    List<DateMention> find(String text) {
        List<DateMention> dates = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text, i) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int digitsEnd = i;
            while (isDigit(text, digitsEnd)) {
                digitsEnd++;
            }
            DateMention date = digitsEnd - i == 4 ? iso(text, i) : dayFirst(text, i, digitsEnd);
            if (date == null && digitsEnd - i <= 2) {
                date = monthFirst(text, i, digitsEnd);
            }
            if (date != null) {
                dates.add(date);
                i = date.end();
            } else {
                i = digitsEnd;
            }
        }
        return dates;
    }

    private static DateMention iso(String text, int start) {
        int end = start + 10;
        if (end > text.length() || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-'
                || !isDigit(text, start + 5) || !isDigit(text, start + 6) || !isDigit(text, start + 8)
                || !isDigit(text, start + 9) || isDigit(text, end)) {
            return null;
        }
        return mention(text, start, end, number(text, start, start + 4), number(text, start + 5, start + 7),
                number(text, start + 8, end));
    }

    /** "12 August 2024", "1st Sept. 2024", "12. Juli 2024", "1er juillet 2024", "12 de julho de 2024". */
    private static DateMention dayFirst(String text, int start, int dayEnd) {
        if (dayEnd - start > 2) {
            return null;
        }
        int pos = spaceAfter(text, afterOrdinal(text, dayEnd));
        pos = pos < 0 ? spaceAfter(text, afterOtherOrdinal(text, dayEnd)) : pos;
        int of = pos < 0 || pos >= text.length() || text.charAt(pos) != 'd' ? -1 : Words.afterWord(text, pos, "de");
        pos = of > 0 ? spaceAfter(text, of) : pos;
        Months.Name month = pos < 0 ? null : Months.dayFirstAt(text, pos);
        if (month == null) {
            return null;
        }
        int yearStart = spaceAfter(text, month.end());
        int ofYear = yearStart < 0 ? -1 : Words.afterWord(text, yearStart, "de");
        yearStart = ofYear > 0 ? spaceAfter(text, ofYear) : yearStart;
        return yearStart < 0 ? null : withYear(text, start, yearStart, month.month(), number(text, start, dayEnd));
    }

    /** After the German day's dot ("12.") or the French and Portuguese first ("1er", "1º"), or {@code pos}. */
    private static int afterOtherOrdinal(String text, int pos) {
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'º')) {
            return pos + 1;
        }
        return text.startsWith("er", pos) && !Words.isWordChar(text, pos + 2) ? pos + 2 : pos;
    }

    /** "August 12, 2024", "Aug. 12 2024". */
    private static DateMention monthFirst(String text, int dayStart, int dayEnd) {
        int[] monthStart = new int[1];
        Months.Name month = dayStart >= 2 && isSpace(text.charAt(dayStart - 1))
                ? Months.endingAt(text, dayStart - 1, monthStart) : null;
        if (month == null) {
            return null;
        }
        int pos = afterOrdinal(text, dayEnd);
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
        }
        int yearStart = spaceAfter(text, pos);
        return yearStart < 0 ? null : withYear(text, monthStart[0], yearStart, month.month(), number(text, dayStart, dayEnd));
    }

    private static DateMention withYear(String text, int start, int yearStart, int month, int day) {
        int yearEnd = yearStart + 4;
        for (int i = yearStart; i < yearEnd; i++) {
            if (!isDigit(text, i)) {
                return null;
            }
        }
        if (yearEnd < text.length() && Character.isLetterOrDigit(text.charAt(yearEnd))) {
            return null;
        }
        return mention(text, start, yearEnd, number(text, yearStart, yearEnd), month, day);
    }

    private static DateMention mention(String text, int start, int end, int year, int month, int day) {
        try {
            return new DateMention(LocalDate.of(year, month, day).toString(), text.substring(start, end), start, end);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** After "st", "nd", "rd" or "th" closing a day ("1st", "12th"), or {@code pos} when there is none. */
    private static int afterOrdinal(String text, int pos) {
        if (pos + 2 > text.length() || Words.isWordChar(text, pos + 2)) {
            return pos;
        }
        String suffix = text.substring(pos, pos + 2);
        return ORDINAL_SUFFIXES.contains(suffix) ? pos + 2 : pos;
    }

    /** The position after one space at {@code pos}, or -1 when there is none. */
    private static int spaceAfter(String text, int pos) {
        return pos < text.length() && isSpace(text.charAt(pos)) ? pos + 1 : -1;
    }

    private static int number(String text, int start, int end) {
        return Integer.parseInt(text, start, end, 10);
    }
}
