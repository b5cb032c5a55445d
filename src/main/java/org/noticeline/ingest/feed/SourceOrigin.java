package org.noticeline.ingest.feed;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** Where a feed source is configured: notices/catalog/sources.yaml, or the admin API. */
public enum SourceOrigin implements StoredEnum {
    FILE,
    API;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<SourceOrigin> {
        public Column() {
            super(SourceOrigin.class);
        }
    }
}
