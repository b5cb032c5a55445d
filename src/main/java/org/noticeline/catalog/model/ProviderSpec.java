package org.noticeline.catalog.model;

import java.util.List;

/**
 * A company that runs one or more platforms (Meta runs Facebook, Instagram, ...).
 *
 * @param notNames phrases that contain one of its names but do not mean it ("the Amazon basin")
 */
public record ProviderSpec(String id, String name, List<String> aliases, List<String> notNames) {
    public ProviderSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        notNames = notNames == null ? List.of() : List.copyOf(notNames);
    }

    public ProviderSpec(String id, String name, List<String> aliases) {
        this(id, name, aliases, List.of());
    }
}
