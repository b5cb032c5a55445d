package org.noticeline.timeline;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.ProceedingSpec;
import org.noticeline.notice.LinkTally;
import org.noticeline.notice.LinkTally.Dimension;
import org.noticeline.notice.LinkTally.MonthCount;
import org.noticeline.notice.LinkTally.Years;
import org.noticeline.notice.NoticeFilter;
import org.noticeline.notice.NoticeQuery;
import org.noticeline.notice.NoticeType;
import org.noticeline.notice.rest.NoticeFilterParams;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SVG overview of a timeline: the whole filtered timeline, not just the page listed below it, in lanes by
 * platform or by proceeding. Up to {@value #MARKS} notices it draws one mark per notice, coloured by type; above,
 * one mark per lane and period (a month, a quarter or a year, whichever keeps a lane within {@value #PERIODS} marks),
 * sized by its count and linked to that period of the timeline; at most {@value #LANES} lanes, the rest together.
 * So the drawing stays small however large the record grows, and it is read from the database as counts, never as
 * notices.
 */
final class TimelineOverview {

    /** One mark per notice up to this many; counts above. */
    static final int MARKS = 200;
    static final int PERIODS = 48;
    static final int LANES = 12;

    /** The drawing, its legend and what a mark stands for. */
    record Drawn(String svg, List<Timeline.LegendEntry> legend, String note) {
        static final Drawn NONE = new Drawn("", List.of(), "");
    }

    private TimelineOverview() {
    }

    static Drawn of(NoticeFilter filter, TimelineBuilder.Lanes lanes, Catalog catalog, String path, LinkTally tally) {
        if (lanes == TimelineBuilder.Lanes.NONE) {
            return Drawn.NONE;
        }
        NoticeQuery.Conditions where = NoticeQuery.conditions(filter);
        Optional<Tallied> tallied = Tallied.of(filter, lanes, tally);
        long total = tallied.map(t -> t.total(tally))
                .orElseGet(() -> query("select count(n) from Notice n" + where.where(), Long.class, where).getSingleResult());
        if (total == 0) {
            return Drawn.NONE;
        }
        if (total <= MARKS) {
            return each(where, lanes, catalog, total);
        }
        List<MonthCount> counts = tallied.map(t -> tally.months(t.byMonth(), t.id(), t.years())).orElseGet(() -> monthCounts(where, lanes));
        return counted(filter, counts, lanes, catalog, path, total);
    }

    /**
     * A page's whole timeline that the tally counts by lane and month: an authority's by platform, a platform's by
     * case, with nothing else selected and dates, if any, in whole years. The largest ones take longest to count.
     */
    private record Tallied(Dimension scope, Dimension byMonth, String id, Years years) {

        static Optional<Tallied> of(NoticeFilter filter, TimelineBuilder.Lanes lanes, LinkTally tally) {
            boolean nothingElse = filter.ruleKeys().isEmpty() && filter.instruments().isEmpty() && filter.types().isEmpty()
                    && filter.jurisdictions().isEmpty() && filter.proceedings().isEmpty();
            Optional<Years> years = nothingElse && tally.complete() ? Years.dates(filter) : Optional.empty();
            if (lanes == TimelineBuilder.Lanes.BY_PLATFORM && filter.authorities().size() == 1 && filter.platforms().isEmpty()) {
                return years.map(y -> new Tallied(Dimension.AUTHORITY, Dimension.AUTHORITY_PLATFORM_MONTH, filter.authorities().get(0), y));
            }
            if (lanes == TimelineBuilder.Lanes.BY_PROCEEDING && filter.platforms().size() == 1 && filter.authorities().isEmpty()) {
                return years.map(y -> new Tallied(Dimension.PLATFORM, Dimension.PLATFORM_PROCEEDING_MONTH, filter.platforms().get(0), y));
            }
            return Optional.empty();
        }

        long total(LinkTally tally) {
            return tally.years(scope, id, years).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Notices by lane and month, counted over the record. */
    private static List<MonthCount> monthCounts(NoticeQuery.Conditions where, TimelineBuilder.Lanes lanes) {
        String lane = laneColumn(lanes);
        String month = "extract(year from n.date) * 12 + extract(month from n.date) - 1";
        return query("select " + lane + ", " + month + ", count(n) from Notice n" + laneJoin(lanes) + where.where()
                + " group by " + lane + ", " + month, Object[].class, where).getResultList().stream()
                .map(row -> new MonthCount((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue())).toList();
    }

    /** One mark per notice: read as the few columns a mark shows. */
    private static Drawn each(NoticeQuery.Conditions where, TimelineBuilder.Lanes lanes, Catalog catalog, long total) {
        List<Object[]> rows = query("select " + laneColumn(lanes) + ", n.date, n.slug, n.title, n.type from Notice n" + laneJoin(lanes) + where.where()
                + " order by n.date, n.id", Object[].class, where).getResultList();
        Map<String, List<TimelineSvg.Mark>> byLane = new LinkedHashMap<>();
        List<NoticeType> types = new ArrayList<>();
        for (Object[] row : rows) {
            String type = (String) row[4];
            byLane.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new TimelineSvg.Mark((LocalDate) row[1], "/notices/" + row[2], (String) row[3], type));
            NoticeType known = NoticeType.fromId(type).orElse(NoticeType.OTHER);
            if (!types.contains(known)) {
                types.add(known);
            }
        }
        List<TimelineSvg.Lane> drawn = byLane.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey() == null ? 1 : 0))
                .map(e -> lane(e.getKey(), lanes, catalog, e.getValue())).toList();
        List<Timeline.LegendEntry> legend = types.stream().sorted()
                .map(t -> new Timeline.LegendEntry(t.label(), TypeColours.of(t.id()))).toList();
        return new Drawn(TimelineSvg.render("Timeline of " + total + " notices", drawn), legend,
                "Each mark is a notice, coloured by type; select one to open it.");
    }

    /** Counts by lane and month (a lane's key null for notices in none), drawn by the coarsest period that keeps lanes readable. */
    private static Drawn counted(NoticeFilter filter, List<MonthCount> rows, TimelineBuilder.Lanes lanes, Catalog catalog,
                                 String path, long total) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        Map<String, Long> laneTotals = new LinkedHashMap<>();
        for (MonthCount row : rows) {
            first = Math.min(first, row.month());
            last = Math.max(last, row.month());
            laneTotals.merge(key(row.lane()), row.notices(), Long::sum);
        }
        Period period = Period.fitting(last - first + 1);
        List<String> kept = laneTotals.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(LANES).map(Map.Entry::getKey).toList();
        Map<String, TreeMap<Integer, Long>> byLane = new LinkedHashMap<>();
        kept.forEach(k -> byLane.put(k, new TreeMap<>()));
        for (MonthCount row : rows) {
            String k = key(row.lane());
            byLane.computeIfAbsent(kept.contains(k) ? k : "", x -> new TreeMap<>()).merge(period.start(row.month()), row.notices(), Long::sum);
        }
        List<TimelineSvg.Lane> drawn = new ArrayList<>();
        byLane.forEach((k, counts) -> {
            List<TimelineSvg.Mark> marks = new ArrayList<>();
            counts.forEach((start, count) -> marks.add(period.mark(start, count, link(filter, path, period, start))));
            drawn.add(lane(k.isEmpty() ? null : k, lanes, catalog, marks, !kept.isEmpty() && !kept.contains(k)));
        });
        return new Drawn(TimelineSvg.render("Timeline of " + total + " notices, counted by " + period.name, drawn), List.of(),
                "Each mark counts the notices of one " + period.name + " in its lane (the larger, the more); select one to list them.");
    }

    /** A notice is in each of its platforms' lanes; by proceeding, one without is in the lane of other notices. */
    private static String laneColumn(TimelineBuilder.Lanes lanes) {
        return lanes == TimelineBuilder.Lanes.BY_PLATFORM ? "lp.platformId" : "lpr.id";
    }

    private static String laneJoin(TimelineBuilder.Lanes lanes) {
        return lanes == TimelineBuilder.Lanes.BY_PLATFORM ? " join n.platforms lp" : " left join n.proceeding lpr";
    }

    private static String key(String lane) {
        return lane == null ? "" : lane;
    }

    /** The timeline's own filters, narrowed to one period (which a page's own dates may narrow further). */
    private static String link(NoticeFilter filter, String path, Period period, int start) {
        NoticeFilterParams params = NoticeFilterParams.selecting(filter);
        LocalDate from = YearMonth.of(start / 12, start % 12 + 1).atDay(1);
        LocalDate to = YearMonth.of((start + period.months - 1) / 12, (start + period.months - 1) % 12 + 1).atEndOfMonth();
        params.from = new ArrayList<>(List.of((filter.from() != null && filter.from().isAfter(from) ? filter.from() : from).toString()));
        params.to = new ArrayList<>(List.of((filter.to() != null && filter.to().isBefore(to) ? filter.to() : to).toString()));
        return path + "?" + params.filterQuery();
    }

    private static TimelineSvg.Lane lane(String id, TimelineBuilder.Lanes lanes, Catalog catalog, List<TimelineSvg.Mark> marks) {
        return lane(id, lanes, catalog, marks, false);
    }

    private static TimelineSvg.Lane lane(String id, TimelineBuilder.Lanes lanes, Catalog catalog, List<TimelineSvg.Mark> marks, boolean others) {
        if (lanes == TimelineBuilder.Lanes.BY_PLATFORM) {
            return others || id == null ? new TimelineSvg.Lane("Other platforms", null, marks)
                    : new TimelineSvg.Lane(catalog.platform(id).map(p -> p.name()).orElse(id), "/platforms/" + id, marks);
        }
        if (others || id == null) {
            return new TimelineSvg.Lane(others ? "Other proceedings and notices" : "Other notices", null, marks);
        }
        return new TimelineSvg.Lane(catalog.proceeding(id).map(ProceedingSpec::title).orElse(id), "/proceedings/" + id, marks);
    }

    private static <T> TypedQuery<T> query(String jpql, Class<T> type, NoticeQuery.Conditions where) {
        TypedQuery<T> query = Panache.getEntityManager().createQuery(jpql, type);
        where.parameters().forEach(query::setParameter);
        return query;
    }

    /** How long one counted mark's period is, in months. */
    private enum Period {
        MONTH(1, "month"), QUARTER(3, "quarter"), YEAR(12, "year");

        final int months;
        final String name;

        Period(int months, String name) {
            this.months = months;
            this.name = name;
        }

        static Period fitting(int spanMonths) {
            for (Period p : values()) {
                if ((spanMonths + p.months - 1) / p.months <= PERIODS) {
                    return p;
                }
            }
            return YEAR;
        }

        /** The month (counted from year 0) that the period holding {@code month} starts with. */
        int start(int month) {
            return month - Math.floorMod(month, months);
        }

        TimelineSvg.Mark mark(int start, long count, String href) {
            YearMonth ym = YearMonth.of(start / 12, start % 12 + 1);
            String label = switch (this) {
                case MONTH -> ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
                case QUARTER -> "Q" + (ym.getMonthValue() / 3 + 1) + " " + ym.getYear();
                case YEAR -> Integer.toString(ym.getYear());
            };
            LocalDate middle = ym.atDay(1).plusDays(months * 15L);
            return TimelineSvg.Mark.counted(middle, href, label + " · " + count + (count == 1 ? " notice" : " notices"), count);
        }
    }
}
