package org.noticeline.subscription.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of one batch's payloads, written once per change and set of matched terms: streams with the same filter
 * share one serialisation of a notice (a body can be 200,000 characters) instead of writing it each.
 */
final class Renderings {

    private final ObjectMapper json;
    private final Map<Key, String> written = new HashMap<>();

    private record Key(long seq, Map<String, List<String>> matched) {
    }

    Renderings(ObjectMapper json) {
        this.json = json;
    }

    synchronized String json(PreparedChange change, Map<String, List<String>> matched) {
        return written.computeIfAbsent(new Key(change.seq(), Map.copyOf(matched)), key -> {
            try {
                return json.writeValueAsString(change.matching(key.matched()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a payload always serialises", e);
            }
        });
    }
}
