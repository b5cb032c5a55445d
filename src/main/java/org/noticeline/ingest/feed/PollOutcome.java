package org.noticeline.ingest.feed;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** What one poll of a source came to: read cleanly, unchanged (304), read with failed entries, or not read at all. */
public enum PollOutcome implements StoredEnum {
    OK,
    NOT_MODIFIED,
    PARTIAL,
    FAILED;

    /** The poll's answer says {@code "not-modified"}; declared here so that the OpenAPI schema lists the ids too. */
    @Override
    @JsonValue
    public String id() {
        return StoredEnum.super.id();
    }

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<PollOutcome> {
        public Column() {
            super(PollOutcome.class);
        }
    }
}
