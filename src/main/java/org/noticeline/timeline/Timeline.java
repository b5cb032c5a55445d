package org.noticeline.timeline;

import io.quarkus.qute.RawString;
import org.noticeline.syndication.FeedLinks;

import java.util.List;

/**
 * A rendered timeline: months of notices, the SVG overview (already escaped), the filter form, the next-page link and
 * the feeds of what it shows, and the e-mail sign-up page for it ({@code /subscribe?...}, uncached, so this page
 * can be cached and shared while the form carries its token).
 */
public record Timeline(List<MonthGroup> months, RawString svg, List<LegendEntry> legend, String overviewNote, FilterForm filter, String nextHref, int shown,
                       FeedLinks feeds, String subscribeHref) {

    /** A type drawn in the SVG and its colour. */
    public record LegendEntry(String label, String colour) {
    }

    public boolean empty() {
        return months.isEmpty();
    }
}
