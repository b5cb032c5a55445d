package org.noticeline.timeline;

import java.util.List;

/** The notices of one month on a timeline, under a "December 2023" heading. */
public record MonthGroup(int year, String label, List<TimelineItem> items) {
}
