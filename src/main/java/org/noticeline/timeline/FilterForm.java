package org.noticeline.timeline;

import java.util.List;

/** The filter form of a timeline: its options and the values currently applied. */
public record FilterForm(String action, List<Option> platforms, List<Option> authorities, List<Option> types,
                         List<Option> jurisdictions, String rule, String from, String to, String query) {

    public record Option(String value, String label, boolean selected) {
    }

    public boolean active() {
        return query != null && !query.isBlank();
    }
}
