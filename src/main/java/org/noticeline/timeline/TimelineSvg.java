package org.noticeline.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Draws the visual timeline server-side: one lane per platform or proceeding, one mark per notice,
 * coloured by type, each mark a link to its notice. Plain SVG, so it works without JavaScript.
 */
public final class TimelineSvg {

    /** A row of the drawing. */
    public record Lane(String label, String href, List<Mark> marks) {
    }

    /**
     * A mark: one notice (its type colours it), or with {@code type} null the count of a period, drawn larger the more
     * notices it holds, {@code title} saying what it counts.
     */
    public record Mark(LocalDate date, String href, String title, String type, long count) {
        public Mark(LocalDate date, String href, String title, String type) {
            this(date, href, title, type, 1);
        }

        static Mark counted(LocalDate date, String href, String title, long count) {
            return new Mark(date, href, title, null, count);
        }
    }

    private static final int WIDTH = 960;
    private static final int LABEL = 250;
    private static final int LANE = 30;
    private static final int TOP = 26;
    private static final int RIGHT = 16;
    private static final int MAX_TICKS = 20;
    /** Counted marks hold notices of every type: one neutral colour. */
    private static final String COUNTED = "#475569";

    private TimelineSvg() {
    }

    public static String render(String caption, List<Lane> lanes) {
        List<Mark> all = lanes.stream().flatMap(l -> l.marks().stream()).toList();
        if (all.isEmpty()) {
            return "";
        }
        LocalDate first = all.stream().map(Mark::date).min(LocalDate::compareTo).orElseThrow().withDayOfYear(1);
        LocalDate last = all.stream().map(Mark::date).max(LocalDate::compareTo).orElseThrow().plusYears(1).withDayOfYear(1);
        double span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        int height = TOP + lanes.size() * LANE + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline-svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"group\" aria-label=\"").append(escape(caption)).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        // A tick every year, or every few years over a long span: the drawing stays the same size whatever the dates.
        int step = Math.max(1, (int) Math.ceil(ChronoUnit.YEARS.between(first, last) / (double) MAX_TICKS));
        for (LocalDate year = first; year.isBefore(last); year = year.plusYears(step)) {
            double x = x(year, first, span);
            svg.append("<line class=\"tick\" x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 6)
                    .append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(height - 4).append("\"/>")
                    .append("<text class=\"year\" x=\"").append(fmt(x + 3)).append("\" y=\"14\">").append(year.getYear()).append("</text>");
        }
        int row = 0;
        for (Lane lane : lanes) {
            int y = TOP + row * LANE + LANE / 2;
            svg.append("<line class=\"lane\" x1=\"").append(LABEL).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(y).append("\"/>");
            String label = lane.label().length() > 38 ? lane.label().substring(0, 37) + "…" : lane.label();
            if (lane.href() != null) {
                svg.append("<a href=\"").append(escape(lane.href())).append("\">");
            }
            svg.append("<text class=\"lane-label\" x=\"4\" y=\"").append(y + 4).append("\">").append(escape(label))
                    .append("<title>").append(escape(lane.label())).append("</title></text>");
            if (lane.href() != null) {
                svg.append("</a>");
            }
            for (Mark mark : lane.marks()) {
                svg.append("<a href=\"").append(escape(mark.href())).append("\"><circle class=\"mark\" cx=\"")
                        .append(fmt(x(mark.date(), first, span))).append("\" cy=\"").append(y).append("\" r=\"");
                if (mark.type() == null) {
                    svg.append(fmt(Math.min(LANE / 2.0 - 1, 3 + 1.5 * Math.log(mark.count()) / Math.log(2)))).append("\" fill=\"")
                            .append(COUNTED).append("\"><title>").append(escape(mark.title()));
                } else {
                    svg.append("6\" fill=\"").append(TypeColours.of(mark.type())).append("\"><title>").append(mark.date()).append(" · ")
                            .append(escape(mark.type())).append(" · ").append(escape(mark.title()));
                }
                svg.append("</title></circle></a>");
            }
            row++;
        }
        return svg.append("</svg>").toString();
    }

    private static double x(LocalDate date, LocalDate first, double span) {
        return LABEL + 8 + (WIDTH - LABEL - RIGHT - 16) * (ChronoUnit.DAYS.between(first, date) / span);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
