package org.noticeline.search;

/** One value of a facet and how many of the hits have it. */
public record FacetValue(String value, long count) {
}
