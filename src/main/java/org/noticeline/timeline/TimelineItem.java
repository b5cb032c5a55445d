package org.noticeline.timeline;

import java.time.LocalDate;
import java.util.List;

/** One notice as a timeline shows it. */
public record TimelineItem(String slug, String title, LocalDate date, String type, String typeLabel, Ref authority,
                           List<Ref> platforms, List<Ref> rules, String summary, boolean withdrawn) {

    public String href() {
        return "/notices/" + slug;
    }
}
