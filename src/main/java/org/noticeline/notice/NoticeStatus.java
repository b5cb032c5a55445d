package org.noticeline.notice;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** Where a notice stands: public, awaiting review, or withdrawn (kept and marked, off timelines). */
public enum NoticeStatus implements StoredEnum {
    PUBLISHED,
    DRAFT,
    WITHDRAWN;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<NoticeStatus> {
        public Column() {
            super(NoticeStatus.class);
        }
    }
}
