package org.noticeline.research;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.notice.LinkTally;
import org.noticeline.notice.LinkTally.Dimension;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a {@link Matrix}, then keeps the largest rows and columns: from the {@link LinkTally}'s pairs when it can
 * count the filter (no render then counts the record, seconds at 100,000 notices), else in one grouped query.
 */
public final class PlatformMatrix {

    private PlatformMatrix() {
    }

    /**
     * @param instrument the instrument of {@code by=article}, checked by the caller; ignored otherwise
     */
    public static Matrix of(NoticeFilter filter, MatrixAxis axis, String instrument, Catalog catalog, LinkTally tally, int maxRows, int maxColumns) {
        List<Object[]> cells = tallied(filter, axis, instrument, tally).orElseGet(() -> counted(filter, axis, instrument));
        return matrix(cells, axis, instrument, catalog, maxRows, maxColumns);
    }

    /** The cells (platform, column, notices) from the tally's pairs, when it is complete and can count the filter. */
    private static Optional<List<Object[]>> tallied(NoticeFilter filter, MatrixAxis axis, String instrument, LinkTally tally) {
        Optional<LinkTally.Years> years = LinkTally.Years.of(filter);
        // By type, a rule filter narrows the notices counted, which the pairs of type and platform cannot.
        if (years.isEmpty() || !filter.ruleKeys().isEmpty() || !filter.instruments().isEmpty() || !tally.complete()) {
            return Optional.empty();
        }
        Map<String, Long> pairs = switch (axis) {
            case INSTRUMENT -> tally.startingWith(Dimension.INSTRUMENT_PLATFORM, "", years.get());
            case ARTICLE -> tally.startingWith(Dimension.RULE_PLATFORM, instrument + ":", years.get());
            case TYPE -> tally.startingWith(Dimension.TYPE_PLATFORM, "", years.get());
        };
        List<Object[]> cells = new ArrayList<>();
        pairs.forEach((pair, count) -> {
            int bar = pair.lastIndexOf('|');
            String platform = pair.substring(bar + 1);
            if (filter.platforms().isEmpty() || filter.platforms().contains(platform)) {
                cells.add(new Object[]{platform, pair.substring(0, bar), count});
            }
        });
        return Optional.of(cells);
    }

    private static List<Object[]> counted(NoticeFilter filter, MatrixAxis axis, String instrument) {
        String column = switch (axis) {
            case INSTRUMENT -> "c.instrumentCode";
            case ARTICLE -> "c.ruleKey";
            case TYPE -> "n.type";
        };
        String joins = axis == MatrixAxis.TYPE ? "join n.platforms p" : "join n.platforms p join n.rules c";
        Map<String, Object> extra = new HashMap<>();
        StringBuilder also = new StringBuilder("1 = 1");
        if (axis == MatrixAxis.ARTICLE) {
            also.append(" and c.instrumentCode = :instrument");
            extra.put("instrument", instrument);
        }
        if (!filter.platforms().isEmpty()) {
            // The filter keeps notices concerning these platforms; the rows are these platforms, not their co-defendants.
            also.append(" and p.platformId in :rows");
            extra.put("rows", filter.platforms());
        }
        return GroupedCounts.run(filter, "p.platformId, " + column + ", count(distinct n.id)", joins, also.toString(), extra,
                "p.platformId, " + column, "p.platformId", 0);
    }

    private static Matrix matrix(List<Object[]> cells, MatrixAxis axis, String instrument, Catalog catalog, int maxRows, int maxColumns) {
        Map<String, Map<String, Long>> byPlatform = new LinkedHashMap<>();
        Map<String, Long> rowSums = new HashMap<>();
        Map<String, Long> columnSums = new HashMap<>();
        for (Object[] cell : cells) {
            String platform = (String) cell[0];
            String value = (String) cell[1];
            long count = (Long) cell[2];
            byPlatform.computeIfAbsent(platform, k -> new HashMap<>()).put(value, count);
            rowSums.merge(platform, count, Long::sum);
            columnSums.merge(value, count, Long::sum);
        }
        List<String> rowKeys = KeyCount.largestFirst(rowSums);
        List<String> columnKeys = KeyCount.largestFirst(columnSums);
        List<String> keptColumns = columnKeys.subList(0, Math.min(maxColumns, columnKeys.size()));
        List<Matrix.Column> columns = keptColumns.stream().map(k -> column(axis, k, catalog)).toList();
        List<Matrix.Row> rows = rowKeys.subList(0, Math.min(maxRows, rowKeys.size())).stream()
                .map(p -> new Matrix.Row(p, catalog.platform(p).map(s -> s.name()).orElse(p),
                        keptColumns.stream().map(k -> byPlatform.get(p).getOrDefault(k, 0L)).toList()))
                .toList();
        return new Matrix(axis.id(), axis == MatrixAxis.ARTICLE ? instrument : null, columns, rows,
                rowKeys.size() - rows.size(), columnKeys.size() - columns.size());
    }

    private static Matrix.Column column(MatrixAxis axis, String key, Catalog catalog) {
        return switch (axis) {
            case INSTRUMENT -> new Matrix.Column(key, catalog.instrument(key).map(InstrumentSpec::title).orElse(key), "rule");
            case ARTICLE -> new Matrix.Column(key, key + catalog.instrument(key.substring(0, key.indexOf(':')))
                    .flatMap(i -> i.provision(key.substring(key.indexOf(':') + 1))).map(p -> ": " + p.heading()).orElse(""), "rule");
            case TYPE -> new Matrix.Column(key, NoticeType.fromId(key).map(NoticeType::label).orElse(key), "type");
        };
    }
}
