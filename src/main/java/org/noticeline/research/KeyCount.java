package org.noticeline.research;

/** How many notices have a value: a rule key, a platform id, a year. */
public record KeyCount(String key, long count) {
}
