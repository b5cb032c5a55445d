package org.noticeline.notice;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/**
 * Where a notice stands: public; awaiting review; withdrawn (it was public: kept, marked, off timelines); or
 * discarded (a draft turned down, or withdrawn before it was ever public: seen by editors only, like a draft).
 */
public enum NoticeStatus implements StoredEnum {
    PUBLISHED,
    DRAFT,
    WITHDRAWN,
    DISCARDED;

    /** True for what anonymous readers may see: what is public, or was until it was withdrawn. */
    public boolean seenByEveryone() {
        return this == PUBLISHED || this == WITHDRAWN;
    }

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<NoticeStatus> {
        public Column() {
            super(NoticeStatus.class);
        }
    }
}
