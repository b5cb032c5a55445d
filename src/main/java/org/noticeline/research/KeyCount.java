package org.noticeline.research;

import java.util.List;
import java.util.Map;

/** How many notices have a value: a rule key, a platform id, a year. */
public record KeyCount(String key, long count) {

    /** The keys of {@code counts}, largest count first, then by key, so equal counts come out in one order. */
    static List<String> largestFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
