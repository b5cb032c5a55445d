package org.noticeline.catalog.model;

import java.time.LocalDate;
import java.util.List;

/** One case of an authority against one or more platforms under an instrument; its notices hang on it. */
public record ProceedingSpec(String id, String title, String authority, List<String> platforms, String instrument,
                             LocalDate opened, String status, String summary) {
    public ProceedingSpec {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
