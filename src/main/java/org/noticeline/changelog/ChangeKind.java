package org.noticeline.changelog;

import jakarta.persistence.Converter;
import org.noticeline.domain.StoredEnum;
import org.noticeline.domain.StoredEnumConverter;

/** What a change did. Stored as the lower-case word, which is also what the changes API and consumers see. */
public enum ChangeKind implements StoredEnum {
    /** A new notice (public at once, or a draft that only editors see). */
    CREATED,
    /** A new revision of the content. */
    REVISED,
    /** A draft became public after review. */
    PUBLISHED,
    /** Taken off the timelines (or, for a draft, discarded). */
    WITHDRAWN,
    /** A withdrawal undone. */
    RESTORED,
    /** The detected links changed because the catalog or the linking engine did; the content did not. */
    RELINKED,
    /** A catalog reload changed the catalog; no notice. */
    CATALOG;

    @Converter(autoApply = true)
    public static class Column extends StoredEnumConverter<ChangeKind> {
        public Column() {
            super(ChangeKind.class);
        }
    }
}
