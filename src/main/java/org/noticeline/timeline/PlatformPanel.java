package org.noticeline.timeline;

import java.time.LocalDate;
import java.util.List;

/** What a platform's page shows above its timeline: its designations in date order and the cases concerning it. */
public record PlatformPanel(List<DesignationRow> designations, List<ProceedingRow> proceedings) {

    /** A status under an instrument from a date (null where the catalog has none). */
    public record DesignationRow(String kind, String instrument, String instrumentHref, LocalDate since) {
    }

    /** A case, its status and its last step: the newest published notice of it, null before it has any. */
    public record ProceedingRow(String title, String href, String authority, LocalDate opened, String status, TimelineItem lastStep) {
    }
}
