package org.noticeline.timeline;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting used by pages and templates, so templates hold no logic. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private Formats() {
    }

    /** {@code {notice.date.longDate}} renders "18 December 2023". */
    public static String longDate(LocalDate date) {
        return date == null ? "" : LONG.format(date);
    }

    /** {@code {revision.changedAt.dateTime}} renders "29 November 2026, 07:46 UTC". */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** "Article 34", "Section 230", "Part 312". */
    public static String provisionLabel(String unit, String number) {
        String word = unit == null ? "Article" : unit.substring(0, 1).toUpperCase(Locale.ROOT) + unit.substring(1);
        return word + " " + number;
    }

    /** {@code {item.type.typeColour}}: the colour of the type's marks and badges. */
    public static String typeColour(String type) {
        return TypeColours.of(type);
    }
}
