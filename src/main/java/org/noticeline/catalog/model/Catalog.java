package org.noticeline.catalog.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Everything {@code notices/catalog/} knows: the vocabulary notices are checked against and the linking engine reads. */
public record Catalog(List<InstrumentSpec> instruments, List<PlatformSpec> platforms, List<ProviderSpec> providers,
                      List<AuthoritySpec> authorities, List<ProceedingSpec> proceedings, List<RelatedGroupSpec> related) {

    public Catalog {
        instruments = List.copyOf(instruments);
        platforms = List.copyOf(platforms);
        providers = List.copyOf(providers);
        authorities = List.copyOf(authorities);
        proceedings = List.copyOf(proceedings);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** A catalog without related provisions (tests and tools that build one by hand). */
    public Catalog(List<InstrumentSpec> instruments, List<PlatformSpec> platforms, List<ProviderSpec> providers,
                   List<AuthoritySpec> authorities, List<ProceedingSpec> proceedings) {
        this(instruments, platforms, providers, authorities, proceedings, List.of());
    }

    /** The groups of related provisions that list {@code key} ({@code DSA:28}), in catalog order. */
    public List<RelatedGroupSpec> relatedGroups(String key) {
        return related.stream().filter(g -> g.lists(key)).toList();
    }

    /** Every provision a group shares with {@code key}, once each, {@code key} itself left out. */
    public List<String> relatedKeys(String key) {
        return relatedGroups(key).stream().flatMap(g -> g.provisions().stream()).filter(k -> !k.equals(key)).distinct().toList();
    }

    /**
     * What the linking engine's fingerprint is taken from: everything it reads, which is all but the related groups,
     * written as this record was written before they existed, so that curating a group (or upgrading) relinks nothing.
     */
    public String linkingFingerprint() {
        return "Catalog[instruments=" + instruments + ", platforms=" + platforms + ", providers=" + providers
                + ", authorities=" + authorities + ", proceedings=" + proceedings + "]";
    }

    public Optional<InstrumentSpec> instrument(String code) {
        return byKey(instruments, InstrumentSpec::code, code == null ? null : code.toUpperCase(Locale.ROOT));
    }

    public Optional<PlatformSpec> platform(String id) {
        return byKey(platforms, PlatformSpec::id, id);
    }

    public Optional<ProviderSpec> provider(String id) {
        return byKey(providers, ProviderSpec::id, id);
    }

    public Optional<AuthoritySpec> authority(String id) {
        return byKey(authorities, AuthoritySpec::id, id);
    }

    public Optional<ProceedingSpec> proceeding(String id) {
        return byKey(proceedings, ProceedingSpec::id, id);
    }

    /** True when {@code key} ("DSA:34") names an instrument of the catalog and a provision it has. */
    public boolean hasRule(String key) {
        RuleKey rule = RuleKey.parse(key).orElse(null);
        return rule != null && instrument(rule.instrument()).map(i -> i.hasProvision(rule.provision())).orElse(false);
    }

    private static <T> Optional<T> byKey(List<T> items, Function<T, String> key, String wanted) {
        if (wanted == null) {
            return Optional.empty();
        }
        return items.stream().filter(item -> wanted.equals(key.apply(item))).findFirst();
    }
}
