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
import java.util.List;
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
            names.add(new CatalogTerm.Platform(platform), platform.name(), platform.aliases());
        }
        for (ProviderSpec provider : catalog.providers()) {
            names.add(new CatalogTerm.Provider(provider), provider.name(), provider.aliases());
        }
        for (AuthoritySpec authority : catalog.authorities()) {
            names.add(new CatalogTerm.Authority(authority), authority.name(), authority.aliases());
        }
        for (InstrumentSpec instrument : catalog.instruments()) {
            names.add(new CatalogTerm.Instrument(Numbering.of(instrument)),
                    instrument.code(), Stream.concat(Stream.of(instrument.title(), instrument.number()),
                            instrument.aliases().stream()).toList());
            for (ProvisionSpec provision : instrument.provisions()) {
                List<String> ownNames = provision.aliases().stream().filter(a -> !NamedActs.isNumbered(a)).toList();
                if (!ownNames.isEmpty()) {
                    names.add(new CatalogTerm.Provision(instrument, provision), ownNames.get(0), ownNames);
                }
            }
        }
        for (Numbering act : NamedActs.from(catalog.instruments())) {
            names.add(new CatalogTerm.Instrument(act), act.name(), List.of());
        }
        return new AliasMatcher(names.builder.build());
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
                chosen.add(candidate);
                covered = candidate.end();
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

    private static final class Names {
        private final AhoCorasick.Builder<CatalogTerm> builder = AhoCorasick.builder();

        void add(CatalogTerm term, String name, List<String> aliases) {
            Set<String> distinct = new HashSet<>();
            Stream.concat(Stream.of(name), aliases.stream())
                    .filter(n -> n != null && !n.isBlank())
                    .flatMap(Names::withSentenceCase)
                    .filter(n -> distinct.add(AhoCorasick.fold(n)))
                    .forEach(n -> builder.add(n, term));
        }

        /** "the Commission" also opens a sentence as "The Commission". */
        private static Stream<String> withSentenceCase(String name) {
            return name.startsWith("the ") ? Stream.of(name, "The" + name.substring(3)) : Stream.of(name);
        }
    }
}
