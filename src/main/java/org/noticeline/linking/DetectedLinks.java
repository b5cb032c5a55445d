package org.noticeline.linking;

import java.util.List;

/** The distinct rule keys and platform ids of an extraction, in order of first mention: what ingestion stores as detected links. */
public record DetectedLinks(List<String> ruleKeys, List<String> platformIds) {
    public DetectedLinks {
        ruleKeys = List.copyOf(ruleKeys);
        platformIds = List.copyOf(platformIds);
    }
}
