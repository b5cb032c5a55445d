package org.noticeline.subscription.email.rest;

import org.noticeline.subscription.SubscriptionFilter;

import java.util.ArrayList;
import java.util.List;

/** A subscription's filter as the pages list it: one row per filter in use, values as validated against the catalog. */
record FilterRows(List<Row> rows) {

    record Row(String label, String values) {
    }

    static FilterRows of(SubscriptionFilter f) {
        List<Row> rows = new ArrayList<>();
        add(rows, "Platform", f.platform());
        add(rows, "Rule", f.rule());
        add(rows, "Authority", f.authority());
        add(rows, "Type", f.type());
        add(rows, "Jurisdiction", f.jurisdiction());
        add(rows, "Proceeding", f.proceeding());
        if (f.from() != null) {
            rows.add(new Row("From", f.from()));
        }
        if (f.to() != null) {
            rows.add(new Row("To", f.to()));
        }
        if (f.q() != null) {
            rows.add(new Row("Search", f.q()));
        }
        return new FilterRows(rows);
    }

    private static void add(List<Row> rows, String label, List<String> values) {
        if (!values.isEmpty()) {
            rows.add(new Row(label, String.join(" or ", values)));
        }
    }

    public boolean everything() {
        return rows.isEmpty();
    }
}
