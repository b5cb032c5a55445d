package org.noticeline.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;


/** Canonical JSON of a {@link NoticeContent}: the revision snapshot, and the input of the content hash. */
public final class NoticeSnapshots {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private NoticeSnapshots() {
    }

    public static String toJson(NoticeContent content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice record always serialises", e);
        }
    }

    public static NoticeContent fromJson(String json) {
        try {
            return CANONICAL.readValue(json, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored revision snapshot is not a notice: " + e.getOriginalMessage(), e);
        }
    }
}
