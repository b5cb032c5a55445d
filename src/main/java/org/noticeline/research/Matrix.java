package org.noticeline.research;

import java.util.List;

/**
 * Platforms by instrument, article or type: each cell the number of notices (published, as the filter selects them)
 * that concern the row's platform and have the column's value. A notice citing two instruments counts once in each.
 *
 * @param instrument     the instrument whose articles are the columns ({@code by=article}), else null
 * @param columns        the most cited values first, at most the configured number
 * @param rows           the platforms with the most notices in the matrix first, at most the configured number
 * @param rowsLeftOut    platforms that have notices but did not fit
 * @param columnsLeftOut values that have notices but did not fit
 */
public record Matrix(String by, String instrument, List<Column> columns, List<Row> rows, int rowsLeftOut, int columnsLeftOut) {

    /** A column: its value ({@code DSA}, {@code DSA:34}, {@code fine}) and the filter parameter that selects it. */
    public record Column(String key, String label, String parameter) {
    }

    /** A platform and its counts, one per column in column order. */
    public record Row(String platform, String name, List<Long> cells) {
    }
}
