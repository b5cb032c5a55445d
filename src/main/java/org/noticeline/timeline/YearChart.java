package org.noticeline.timeline;

import org.noticeline.research.KeyCount;

import java.util.List;
import java.util.Locale;

/**
 * Draws notices per year as a small bar chart, server-side and without script: one bar per year however many notices
 * there are, so the drawing stays small. Each bar carries its number as a {@code <title>}; the page repeats the numbers
 * in a table for screen readers, and the SVG itself is hidden from them to say it once.
 */
final class YearChart {

    private static final int BAR = 28;
    private static final int GAP = 6;
    private static final int HEIGHT = 120;
    private static final int TOP = 16;
    private static final int BOTTOM = 18;

    private YearChart() {
    }

    /** The chart, escaped; empty when there are no years. */
    static String render(List<KeyCount> years) {
        if (years.isEmpty()) {
            return "";
        }
        long max = years.stream().mapToLong(KeyCount::count).max().orElse(1);
        int width = years.size() * (BAR + GAP) + GAP;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"year-chart\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT + TOP + BOTTOM)
                .append("\" width=\"").append(width).append("\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        int x = GAP;
        for (KeyCount year : years) {
            double h = Math.max(1, HEIGHT * (double) year.count() / max);
            double y = TOP + HEIGHT - h;
            String label = TimelineSvg.escape(year.key());
            svg.append("<g class=\"bar\"><rect x=\"").append(x).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(BAR)
                    .append("\" height=\"").append(fmt(h)).append("\"><title>").append(label).append(": ").append(year.count())
                    .append(year.count() == 1 ? " notice" : " notices").append("</title></rect>")
                    .append("<text class=\"count\" x=\"").append(x + BAR / 2).append("\" y=\"").append(fmt(y - 3)).append("\">")
                    .append(year.count()).append("</text>")
                    .append("<text class=\"year\" x=\"").append(x + BAR / 2).append("\" y=\"").append(TOP + HEIGHT + BOTTOM - 4).append("\">")
                    .append(label).append("</text></g>");
            x += BAR + GAP;
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
