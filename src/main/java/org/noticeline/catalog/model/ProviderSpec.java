package org.noticeline.catalog.model;

import java.util.List;

/** A company that runs one or more platforms (Meta runs Facebook, Instagram, ...). */
public record ProviderSpec(String id, String name, List<String> aliases) {
    public ProviderSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
