package org.noticeline.linking;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.catalog.model.PlatformSpec;
import org.noticeline.catalog.model.ProviderSpec;
import org.noticeline.catalog.model.ProvisionSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the catalog's names in text: platforms, providers, authorities, instruments and named acts,
 * and provisions known by a name. Names match whole words and case as written (so "Threads" is not
 * "threads"); where names overlap, the one starting first and then the longest wins.
 */
final class AliasMatcher {

    private static final Comparator<NameMatch> LEFTMOST_LONGEST = Comparator.comparingInt(NameMatch::start)
            .thenComparing(Comparator.comparingInt(NameMatch::end).reversed())
            .thenComparingInt(m -> m.term().priority());

    private final AhoCorasick<CatalogTerm> names;

    private AliasMatcher(AhoCorasick<CatalogTerm> names) {
        this.names = names;
    }

    static AliasMatcher of(Catalog catalog) {
        Names names = new Names();
        for (PlatformSpec platform : catalog.platforms()) {
            CatalogTerm term = new CatalogTerm.Platform(platform);
            names.add(term, Stream.concat(Stream.of(platform.name()), platform.aliases().stream()).toList(), Names.Use.NAME);
            names.notNames(platform.notNames());
        }
        for (ProviderSpec provider : catalog.providers()) {
            CatalogTerm term = new CatalogTerm.Provider(provider);
            names.add(term, Stream.concat(Stream.of(provider.name()), provider.aliases().stream()).toList(), Names.Use.NAME);
            names.notNames(provider.notNames());
        }
        for (AuthoritySpec authority : catalog.authorities()) {
            CatalogTerm term = new CatalogTerm.Authority(authority);
            names.add(term, Stream.concat(Stream.of(authority.name()), authority.aliases().stream()).toList(), Names.Use.NAME);
            names.add(term, authority.contextAliases(), Names.Use.CONTEXT);
        }
        for (InstrumentSpec instrument : catalog.instruments()) {
            CatalogTerm term = new CatalogTerm.Instrument(Numbering.of(instrument));
            names.add(term, Stream.concat(Stream.of(instrument.code(), instrument.title(), instrument.number()),
                    instrument.aliases().stream()).toList(), Names.Use.NAME);
            names.add(term, instrument.contextAliases(), Names.Use.CONTEXT);
            names.add(term, instrument.genericNames(), Names.Use.GENERIC);
            for (ProvisionSpec provision : instrument.provisions()) {
                List<String> ownNames = provision.aliases().stream().filter(a -> !NamedActs.isNumbered(a)).toList();
                names.add(new CatalogTerm.Provision(instrument, provision), ownNames, Names.Use.NAME);
            }
        }
        for (Numbering act : NamedActs.from(catalog.instruments())) {
            names.add(new CatalogTerm.Instrument(act), List.of(act.name()), Names.Use.NAME);
        }
        return new AliasMatcher(names.build());
    }

    /** The names in {@code text}, sorted by start, none overlapping another. */
    List<NameMatch> find(String text) {
        List<NameMatch> candidates = new ArrayList<>();
        names.scan(text, (start, end, term) -> {
            if (standsAlone(text, start, end)) {
                candidates.add(new NameMatch(start, end, term));
            }
        });
        candidates.sort(LEFTMOST_LONGEST);
        List<NameMatch> chosen = new ArrayList<>();
        int covered = 0;
        for (NameMatch candidate : candidates) {
            if (candidate.start() >= covered) {
                covered = candidate.end();
                if (!(candidate.term() instanceof CatalogTerm.NotAName)) {
                    chosen.add(candidate);
                }
            }
        }
        return chosen;
    }

    /** A name is not part of a longer word ("Meta" in "Metaverse", "X" in "XL"). */
    private static boolean standsAlone(String text, int start, int end) {
        boolean left = start == 0 || !Words.isWordChar(text.charAt(start)) || !Words.isWordChar(text.charAt(start - 1));
        boolean right = end == text.length() || !Words.isWordChar(text.charAt(end - 1)) || !Words.isWordChar(text.charAt(end));
        return left && right;
    }

    /**
     * The names to look for, grouped by how they read: a name listed by one entry is that entry's; a name some entry
     * lists as shared or generic becomes one {@link CatalogTerm.Shared} for the document to settle.
     */
    private static final class Names {

        enum Use { NAME, CONTEXT, GENERIC }

        private record Listed(String name, List<CatalogTerm> named, List<CatalogTerm> byContext, List<CatalogTerm> generic) {
        }

        private final Map<String, Listed> byFolded = new LinkedHashMap<>();
        private final AhoCorasick.Builder<CatalogTerm> builder = AhoCorasick.builder();

        void add(CatalogTerm term, List<String> names, Use use) {
            Set<String> distinct = new HashSet<>();
            names.stream()
                    .filter(n -> n != null && !n.isBlank())
                    .flatMap(Names::withSentenceCase)
                    .filter(n -> distinct.add(AhoCorasick.fold(n)))
                    .forEach(n -> {
                        Listed listed = byFolded.computeIfAbsent(AhoCorasick.fold(n),
                                k -> new Listed(n, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                        (use == Use.NAME ? listed.named() : use == Use.CONTEXT ? listed.byContext() : listed.generic()).add(term);
                    });
        }

        void notNames(List<String> phrases) {
            phrases.stream().filter(p -> p != null && !p.isBlank()).flatMap(Names::withSentenceCase)
                    .forEach(p -> builder.add(p, new CatalogTerm.NotAName()));
        }

        AhoCorasick<CatalogTerm> build() {
            for (Listed listed : byFolded.values()) {
                if (listed.byContext().isEmpty() && listed.generic().isEmpty()) {
                    listed.named().forEach(term -> builder.add(listed.name(), term));
                } else {
                    CatalogTerm fallback = listed.named().stream().min(Comparator.comparingInt(CatalogTerm::priority)).orElse(null);
                    builder.add(listed.name(), new CatalogTerm.Shared(fallback, listed.byContext(), listed.generic()));
                }
            }
            return builder.build();
        }

        /** "the Commission" also opens a sentence as "The Commission", and "loi Informatique et Libertés" as "Loi ...". */
        private static Stream<String> withSentenceCase(String name) {
            if (name.startsWith("the ")) {
                return Stream.of(name, "The" + name.substring(3));
            }
            return Character.isLowerCase(name.charAt(0))
                    ? Stream.of(name, Character.toUpperCase(name.charAt(0)) + name.substring(1))
                    : Stream.of(name);
        }
    }
}
