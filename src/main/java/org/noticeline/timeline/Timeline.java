package org.noticeline.timeline;

import io.quarkus.qute.RawString;

import java.util.List;

/** A rendered timeline: months of notices, the SVG overview (already escaped), the filter form and the next-page link. */
public record Timeline(List<MonthGroup> months, RawString svg, List<LegendEntry> legend, FilterForm filter, String nextHref, int shown) {

    /** A type drawn in the SVG and its colour. */
    public record LegendEntry(String label, String colour) {
    }

    public boolean empty() {
        return months.isEmpty();
    }
}
