package org.noticeline.research;

import org.noticeline.notice.LinkTally;
import org.noticeline.notice.LinkTally.Dimension;
import org.noticeline.notice.NoticeFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule page shows beside its timeline: notices per year, the provisions most often cited with the rule and the
 * platforms most often concerned, each counted over the notices the page's timeline selects (curated and detected
 * links alike, as the {@code rule} filter selects them).
 *
 * @param years    one entry per year that has notices, oldest first (key: the year)
 * @param coCited  at most {@link #TOP} provisions other than the page's own, most often cited first
 * @param platforms at most {@link #TOP} platforms, most often concerned first
 */
public record Citations(List<KeyCount> years, List<KeyCount> coCited, List<KeyCount> platforms) {

    /** Lists are cut to the top ten: a page stays the same size however large the corpus. */
    public static final int TOP = 10;

    /**
     * For a provision's page: {@code filter} is its timeline's selection, {@code key} the provision ({@code DSA:34}).
     * Counted in the database: a provision's notices are few enough (its whole page rendered in 27 ms after a
     * change at 100,000 notices).
     */
    public static Citations ofRule(NoticeFilter filter, String key) {
        return of(filter, "c.ruleKey <> :self", key);
    }

    /**
     * For an instrument's page: co-cited provisions are those of other instruments. From the tally when the selection
     * is the instrument in whole years on no platform (which the pairs do not narrow by): an instrument's notices are a
     * large part of the record, and counting them took seconds at 100,000 notices.
     */
    public static Citations ofInstrument(NoticeFilter filter, String code, LinkTally tally) {
        Optional<LinkTally.Years> years = LinkTally.Years.of(filter);
        if (!filter.instruments().equals(List.of(code)) || !filter.ruleKeys().isEmpty() || !filter.platforms().isEmpty()
                || years.isEmpty() || !tally.complete()) {
            return of(filter, "c.instrumentCode <> :self", code);
        }
        List<KeyCount> byYear = tally.years(Dimension.INSTRUMENT, code, years.get()).entrySet().stream()
                .map(e -> new KeyCount(String.valueOf(e.getKey()), e.getValue())).toList();
        return new Citations(byYear, top(tally.pairs(Dimension.INSTRUMENT_RULE, code, years.get())),
                top(tally.pairs(Dimension.INSTRUMENT_PLATFORM, code, years.get())));
    }

    /** The {@link #TOP} largest counts, largest first, then by key, as the grouped queries order them. */
    private static List<KeyCount> top(Map<String, Long> counts) {
        return KeyCount.largestFirst(counts).stream().limit(TOP).map(key -> new KeyCount(key, counts.get(key))).toList();
    }

    private static Citations of(NoticeFilter filter, String otherThanSelf, String self) {
        List<KeyCount> years = GroupedCounts.run(filter, "year(n.date), count(n)", "", null, Map.of(), "year(n.date)", "year(n.date)", 0)
                .stream().map(row -> new KeyCount(String.valueOf(row[0]), (Long) row[1])).toList();
        List<KeyCount> coCited = counts(GroupedCounts.run(filter, "c.ruleKey, count(n)", "join n.rules c", otherThanSelf, Map.of("self", self),
                "c.ruleKey", "count(n) desc, c.ruleKey", TOP));
        List<KeyCount> platforms = counts(GroupedCounts.run(filter, "p.platformId, count(n)", "join n.platforms p", null, Map.of(),
                "p.platformId", "count(n) desc, p.platformId", TOP));
        return new Citations(years, coCited, platforms);
    }

    static List<KeyCount> counts(List<Object[]> rows) {
        return rows.stream().map(row -> new KeyCount((String) row[0], (Long) row[1])).toList();
    }
}
