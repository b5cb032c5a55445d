package org.noticeline.linking;

import java.util.List;

/** One provision as cited, with the subdivisions given for it: "34(1)" in "Articles 34(1) and 35". */
record CitedItem(String number, List<String> subdivisions, int start, int end) {
    CitedItem {
        subdivisions = List.copyOf(subdivisions);
    }

    CitedItem withEnd(int newEnd) {
        return new CitedItem(number, subdivisions, start, newEnd);
    }
}
