package org.noticeline.catalog.model;

import java.util.List;

/** A service notices concern ({@code x}, {@code tiktok}), the names it goes by and the provider that runs it. */
public record PlatformSpec(String id, String name, List<String> aliases, String provider, List<DesignationSpec> designations) {
    public PlatformSpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        designations = designations == null ? List.of() : List.copyOf(designations);
    }
}
