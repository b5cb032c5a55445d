package org.noticeline.catalog.model;

import java.util.List;

/** One curated provision of an instrument: its number as the instrument writes it ("28b", "230"), heading and textual aliases. */
public record ProvisionSpec(String number, String heading, List<String> aliases) {
    public ProvisionSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
