package org.noticeline.research;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the columns of the platform matrix are: instruments, the articles of one instrument, or types of measure. */
public enum MatrixAxis {
    INSTRUMENT("instrument"),
    ARTICLE("article"),
    TYPE("type");

    private final String id;

    MatrixAxis(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MatrixAxis> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst();
    }
}
