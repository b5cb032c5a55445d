package org.noticeline.catalog.model;

import java.time.LocalDate;

/** A regulatory status of a platform under an instrument from a date, e.g. VLOP under the DSA since 2023-04-25. */
public record DesignationSpec(String instrument, String kind, LocalDate since) {
}
