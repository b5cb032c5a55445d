package org.noticeline.timeline;

import java.util.Map;

/** One colour per kind of act, shared by the SVG marks and the legend; chosen to stay distinct on white. */
public final class TypeColours {

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("designation", "#6b7280"),
            Map.entry("request-for-information", "#0e7490"),
            Map.entry("letter", "#0891b2"),
            Map.entry("opening-of-proceedings", "#2563eb"),
            Map.entry("preliminary-findings", "#d97706"),
            Map.entry("commitments", "#16a34a"),
            Map.entry("decision", "#7c3aed"),
            Map.entry("fine", "#dc2626"),
            Map.entry("retention-order", "#0f766e"),
            Map.entry("interim-measures", "#c2410c"),
            Map.entry("judgment", "#1f2937"),
            Map.entry("order", "#9333ea"),
            Map.entry("statute", "#4b5563"),
            Map.entry("guidance", "#65a30d"),
            Map.entry("consultation", "#84cc16"),
            Map.entry("press-release", "#64748b"),
            Map.entry("report", "#475569"));

    private TypeColours() {
    }

    public static String of(String type) {
        return COLOURS.getOrDefault(type, "#94a3b8");
    }
}
