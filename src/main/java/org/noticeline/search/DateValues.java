package org.noticeline.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.noticeline.notice.NoticeDates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * {@code date:} values: a day ({@code 2024-03-01}), a month ({@code 2024-03}), a year ({@code 2024}), or a range
 * {@code [from TO to]} of any of them, both ends included, {@code *} for an open end.
 */
final class DateValues {

    private record Span(LocalDate first, LocalDate last) {
    }

    private DateValues() {
    }

    static Query query(String value, int at) {
        String v = value.trim();
        if (v.startsWith("[")) {
            if (!v.endsWith("]")) {
                throw QuerySyntaxException.at(at, "a date range ends with ']' and nothing after it");
            }
            String[] ends = v.substring(1, v.length() - 1).trim().split("\\s+TO\\s+", -1);
            if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
                throw QuerySyntaxException.at(at, "a date range is written [2024-01-01 TO 2024-12-31] (TO in capitals, * for an open end)");
            }
            LocalDate from = ends[0].trim().equals("*") ? NoticeDates.EARLIEST : span(ends[0].trim(), at).first();
            LocalDate to = ends[1].trim().equals("*") ? NoticeDates.latest() : span(ends[1].trim(), at).last();
            if (from.isAfter(to)) {
                throw QuerySyntaxException.at(at, "the date range ends (" + to + ") before it starts (" + from + ")");
            }
            return range(from, to);
        }
        Span span = span(v, at);
        return range(span.first(), span.last());
    }

    static Query range(LocalDate from, LocalDate to) {
        return LongPoint.newRangeQuery(SearchFields.DATE, from.toEpochDay(), to.toEpochDay());
    }

    private static Span span(String text, int at) {
        try {
            if (text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return new Span(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(text);
                return new Span(month.atDay(1), month.atEndOfMonth());
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(text);
                return new Span(day, day);
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw QuerySyntaxException.at(at, "'" + excerpt(text) + "' is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY");
    }

    static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
