package org.noticeline.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The contract of {@code GET /api/search}; {@code facets} count every hit, not just this page's. */
public record SearchResult(
        @Schema(description = "How many notices match, all pages together") long total,
        @Schema(description = "This page of hits, best first (sort=relevance) or newest first (sort=date)") List<SearchHit> items,
        @Schema(description = "Counts of every hit by platform, rule, instrument, authority, type, jurisdiction and year, largest first")
        Map<String, List<FacetValue>> facets,
        @Schema(description = "Pass as cursor= for the next page; null on the last") String nextCursor) {
}
