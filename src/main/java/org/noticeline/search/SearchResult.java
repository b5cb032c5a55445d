package org.noticeline.search;

import java.util.List;
import java.util.Map;

/** The contract of {@code GET /api/search}; {@code facets} count every hit, not just this page's. */
public record SearchResult(long total, List<SearchHit> items, Map<String, List<FacetValue>> facets, String nextCursor) {
}
