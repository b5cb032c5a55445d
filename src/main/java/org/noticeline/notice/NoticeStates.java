package org.noticeline.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A notice's state as the change log keeps it: the JSON of its {@link NoticeView}. */
public final class NoticeStates {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private NoticeStates() {
    }

    public static String toJson(NoticeView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice view always serialises", e);
        }
    }

    public static String of(Notice notice) {
        return toJson(NoticeView.of(notice));
    }

    public static NoticeView fromJson(String json) {
        try {
            return JSON.readValue(json, NoticeView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change state is not a notice: " + e.getOriginalMessage(), e);
        }
    }
}
