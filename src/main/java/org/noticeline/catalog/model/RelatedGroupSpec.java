package org.noticeline.catalog.model;

import java.util.List;

/**
 * A curated group of provisions of different instruments that deal with the same matter ("protection of minors":
 * DSA:28, UK-OSA:12, ...), so that a reader of one finds its counterparts in other jurisdictions.
 *
 * @param provisions rule keys ({@code DSA:28}) as the catalog validated them, in the curator's order
 */
public record RelatedGroupSpec(String id, String name, String note, List<String> provisions) {
    public RelatedGroupSpec {
        provisions = provisions == null ? List.of() : List.copyOf(provisions);
    }

    /** Whether the group lists {@code key}, spelt as {@link RuleKey} spells it. */
    public boolean lists(String key) {
        return provisions.contains(key);
    }
}
