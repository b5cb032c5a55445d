package org.noticeline.linking;

import java.util.List;

/**
 * Provisions cited together under one marker: "Articles 34(1), 34(2) and 35(1)", "§§ 6501-6506",
 * "Recital 83". {@code end} is where the cited numbers stop, so what follows may name the instrument.
 */
record Citation(Unit unit, List<CitedItem> items, int start, int end) {
    Citation {
        items = List.copyOf(items);
    }
}
