package org.noticeline.notice;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** Where a link of a notice to a rule or platform comes from: its curator, or the linking engine reading its body. */
public enum LinkOrigin implements StoredEnum {
    CURATED,
    DETECTED;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<LinkOrigin> {
        public Column() {
            super(LinkOrigin.class);
        }
    }
}
