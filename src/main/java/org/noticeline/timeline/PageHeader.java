package org.noticeline.timeline;

import java.util.List;

/** What a timeline page is about: its heading, a lead sentence and facts such as a platform's designations. */
public record PageHeader(String title, String lead, List<Fact> facts, String externalLink) {

    public record Fact(String label, String value, String href) {
    }

    public static PageHeader of(String title, String lead) {
        return new PageHeader(title, lead, List.of(), null);
    }
}
