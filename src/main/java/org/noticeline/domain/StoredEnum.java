package org.noticeline.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An enum kept in the database and in JSON as a lower-case word ({@code published}, {@code curated}, {@code not-modified}). */
public interface StoredEnum {

    /** The constant's name in lower case, words joined by hyphens: {@code NOT_MODIFIED} is {@code not-modified}. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & StoredEnum> Optional<E> fromId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.id().equals(id)).findFirst();
    }
}
