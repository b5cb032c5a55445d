package org.noticeline.notice;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** How a notice entered the record. */
public enum NoticeOrigin implements StoredEnum {
    CORPUS,
    API,
    DOCUMENT,
    FEED;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<NoticeOrigin> {
        public Column() {
            super(NoticeOrigin.class);
        }
    }
}
