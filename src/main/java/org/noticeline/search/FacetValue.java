package org.noticeline.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value of a facet and how many of the hits have it. */
public record FacetValue(@Schema(description = "A catalog id, rule key, code or year") String value,
                         @Schema(description = "How many hits have it") long count) {
}
