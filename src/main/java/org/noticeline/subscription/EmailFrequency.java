package org.noticeline.subscription;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** How often an e-mail subscriber hears: one mail per change, or one digest a day or a week of what was held for it. */
public enum EmailFrequency implements StoredEnum {
    IMMEDIATE, DAILY, WEEKLY;

    public boolean digest() {
        return this != IMMEDIATE;
    }

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<EmailFrequency> {
        public Column() {
            super(EmailFrequency.class);
        }
    }
}
