package org.noticeline.catalog.model;

import java.util.List;

/** A regulator, court or legislature that issues notices. */
public record AuthoritySpec(String id, String name, String jurisdiction, String url, List<String> aliases) {
    public AuthoritySpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
