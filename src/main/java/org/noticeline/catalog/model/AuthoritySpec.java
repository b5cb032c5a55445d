package org.noticeline.catalog.model;

import java.util.List;

/**
 * A regulator, court or legislature that issues notices.
 *
 * @param contextAliases names that are another authority's unless the document says otherwise ("the Commission" is
 *                       the FTC in a text about the FTC): read as this one where the document names it or its jurisdiction
 */
public record AuthoritySpec(String id, String name, String jurisdiction, String url, List<String> aliases,
                            List<String> contextAliases) {
    public AuthoritySpec {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        contextAliases = contextAliases == null ? List.of() : List.copyOf(contextAliases);
    }

    public AuthoritySpec(String id, String name, String jurisdiction, String url, List<String> aliases) {
        this(id, name, jurisdiction, url, aliases, List.of());
    }
}
