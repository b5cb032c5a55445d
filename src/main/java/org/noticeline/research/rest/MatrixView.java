package org.noticeline.research.rest;

import org.noticeline.notice.NoticeFilter;
import org.noticeline.research.Matrix;

import java.util.List;

/**
 * The matrix as JSON and as the page reads it. A cell's timeline is {@code row.href + "?" + column.query}: the query
 * holds the matrix's filters and the column's value, so the link shows the notices the cell counted.
 */
public record MatrixView(String by, String instrument, List<ColumnView> columns, List<RowView> rows, int rowsLeftOut, int columnsLeftOut) {

    public record ColumnView(String key, String label, String query) {
    }

    public record RowView(String platform, String name, String href, List<CellView> cells) {
    }

    /** A count and its timeline. */
    public record CellView(long count, String href) {
    }

    static MatrixView of(Matrix matrix, NoticeFilter filter) {
        List<ColumnView> columns = matrix.columns().stream()
                .map(c -> new ColumnView(c.key(), c.label(), MatrixRequest.columnQuery(filter, c))).toList();
        List<RowView> rows = matrix.rows().stream().map(r -> {
            String href = "/platforms/" + r.platform();
            List<CellView> cells = new java.util.ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(new CellView(r.cells().get(i), href + "?" + columns.get(i).query()));
            }
            return new RowView(r.platform(), r.name(), href, cells);
        }).toList();
        return new MatrixView(matrix.by(), matrix.instrument(), columns, rows, matrix.rowsLeftOut(), matrix.columnsLeftOut());
    }
}
