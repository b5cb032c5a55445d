package org.noticeline.linking;

import org.noticeline.catalog.model.AuthoritySpec;
import org.noticeline.catalog.model.Catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Settles what the names of one document stand for, as a reader who has the whole document does: a shared name
 * ("Online Safety Act", "the Commission") by the entries the document names outright, else by its jurisdiction or
 * authority, else by the catalog's default for it, else not at all; a generic name ("the Regulation") by the only
 * instrument of those listing it that the document has named before it, or failing that names at all; and the terms the document defines ("the Act") wherever it
 * uses them. Nothing is guessed: a name two entries could still claim is dropped.
 */
final class DocumentReading {

    /** Distinct terms one document may define; no real document defines more, and each costs a scan of the text. */
    private static final int MAX_DEFINITIONS = 20;

    private final Map<String, AuthoritySpec> authorities;

    DocumentReading(Catalog catalog) {
        this.authorities = catalog.authorities().stream().collect(Collectors.toUnmodifiableMap(AuthoritySpec::id, Function.identity()));
    }

    /** {@code names} as this document reads them: sorted, not overlapping, with no {@link CatalogTerm.Shared} left. */
    List<NameMatch> read(String text, List<NameMatch> names, LinkingContext context) {
        boolean shared = false;
        boolean instruments = false;
        for (NameMatch name : names) {
            shared |= name.term() instanceof CatalogTerm.Shared;
            instruments |= name.term() instanceof CatalogTerm.Instrument;
        }
        if (!shared) {
            // nothing to settle; only definitions may add names
            return instruments ? withDefinedTerms(text, names, Set.of()) : names;
        }
        // each entry the document names outright, with where it is first named; entries are the catalog's own objects
        Map<Object, Integer> named = new IdentityHashMap<>();
        names.stream().filter(n -> !(n.term() instanceof CatalogTerm.Shared)).forEach(n -> named.putIfAbsent(entry(n.term()), n.start()));
        Set<String> jurisdictions = jurisdictions(names, context);
        List<NameMatch> read = new ArrayList<>();
        List<NameMatch> generic = new ArrayList<>();
        for (NameMatch name : names) {
            if (name.term() instanceof CatalogTerm.Shared s && !s.byContext().isEmpty()) {
                CatalogTerm settled = byContext(s, named, jurisdictions);
                if (settled != null) {
                    read.add(new NameMatch(name.start(), name.end(), settled));
                    named.putIfAbsent(entry(settled), name.start());
                } else if (namesInstruments(s)) {
                    read.add(new NameMatch(name.start(), name.end(), CatalogTerm.Unsettled.of(s)));
                }
            } else if (name.term() instanceof CatalogTerm.Shared) {
                generic.add(name);
            } else {
                read.add(name);
            }
        }
        Map<String, Integer> firstUnknown = new HashMap<>();
        for (NameMatch name : generic) {
            CatalogTerm.Shared s = (CatalogTerm.Shared) name.term();
            boolean standsForOne = Definitions.afterDeterminer(text, name.start()) && !Definitions.qualified(text, name.end());
            // as read so far: "the Regulation" is the one regulation named before it, unless one the catalog does not
            // know was named too ("Regulation (EU) 2019/1020 ... Article 4 of that Regulation")
            List<CatalogTerm> namedBefore = s.generic().stream().filter(t -> named.getOrDefault(entry(t), Integer.MAX_VALUE) < name.start()).toList();
            boolean foreign = standsForOne && firstUnknown.computeIfAbsent(text.substring(name.start(), name.end()),
                    word -> firstUnknownOfKind(text, word, names)) < name.start();
            CatalogTerm settled = standsForOne && !foreign && namedBefore.size() == 1 ? settle(namedBefore.get(0)) : s.fallback();
            if (settled != null) {
                read.add(new NameMatch(name.start(), name.end(), settled));
            } else if (standsForOne ? namedBefore.size() + (foreign ? 1 : 0) > 1 : namesUnknown(text, name)) {
                // "the Regulation" between two regulations, or "la loi n° 2024-449": another instrument is in play
                read.add(new NameMatch(name.start(), name.end(), CatalogTerm.Unsettled.of(s)));
            }
        }
        read.sort(Comparator.comparingInt(NameMatch::start));
        Set<Integer> fromGeneric = new HashSet<>();
        generic.forEach(g -> fromGeneric.add(g.start()));
        return withDefinedTerms(text, read, fromGeneric);
    }

    private static boolean namesInstruments(CatalogTerm.Shared shared) {
        return Stream.concat(shared.byContext().stream(), shared.generic().stream()).anyMatch(t -> t instanceof CatalogTerm.Instrument);
    }

    /**
     * Where the text first names an instrument of the kind {@code word} that no catalog name covers ("Regulation (EU)
     * 2019/1020", "Directive 95/46/EC", "the Communications Act 2003"), or {@code Integer.MAX_VALUE}.
     */
    private static int firstUnknownOfKind(String text, String word, List<NameMatch> names) {
        String kind = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        for (int at = text.indexOf(kind); at >= 0; at = text.indexOf(kind, at + kind.length())) {
            int end = at + kind.length();
            boolean whole = !Words.isWordChar(text, end) && (at == 0 || !Words.isWordChar(text.charAt(at - 1)));
            if (whole && !covered(names, at, end) && namesUnknown(text, new NameMatch(at, end, null))) {
                return at;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** "Regulation (EU) 2019/1020", "la loi n° 2024-449", "the Communications Act": a generic word naming an unknown one. */
    private static boolean namesUnknown(String text, NameMatch name) {
        return Definitions.qualified(text, name.end()) || titledBefore(text, name.start());
    }

    /** True when one of {@code names} (sorted, not overlapping) covers {@code [start, end)}. */
    private static boolean covered(List<NameMatch> names, int start, int end) {
        int low = 0;
        int high = names.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (names.get(mid).start() <= start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low > 0 && names.get(low - 1).end() >= end;
    }

    /** "the Communications Act", "the Broadcasting Services Act": a capitalised word names the instrument before the kind. */
    private static boolean titledBefore(String text, int at) {
        int end = at - 1;
        if (end <= 0 || text.charAt(end) != ' ') {
            return false;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start < end && Character.isUpperCase(text.charAt(start)) && !Definitions.DETERMINERS.contains(text.substring(start, end));
    }

    /** The one candidate the document names, else the one of its jurisdiction, else the default; null when two compete. */
    private static CatalogTerm byContext(CatalogTerm.Shared shared, Map<Object, Integer> named, Set<String> jurisdictions) {
        List<CatalogTerm> candidates = Stream.concat(Stream.ofNullable(shared.fallback()), shared.byContext().stream()).toList();
        List<CatalogTerm> namedHere = candidates.stream().filter(t -> named.containsKey(entry(t))).toList();
        List<CatalogTerm> local = candidates.stream().filter(t -> jurisdictions.contains(jurisdiction(t))).toList();
        if (namedHere.size() > 1 || (namedHere.size() == 1 && local.size() == 1 && namedHere.get(0) != local.get(0))) {
            // the UK's regulator writing about "Australia's Online Safety Act 2021": names and jurisdiction disagree
            return null;
        }
        if (namedHere.size() == 1) {
            return settle(namedHere.get(0));
        }
        return local.size() == 1 ? settle(local.get(0)) : shared.fallback();
    }

    /** The context's jurisdiction and its authority's; failing both, those of the authorities the text names. */
    private Set<String> jurisdictions(List<NameMatch> names, LinkingContext context) {
        Set<String> given = new HashSet<>();
        if (context.jurisdiction() != null) {
            given.add(context.jurisdiction());
        }
        AuthoritySpec authority = context.authority() == null ? null : authorities.get(context.authority());
        if (authority != null && authority.jurisdiction() != null) {
            given.add(authority.jurisdiction());
        }
        if (!given.isEmpty()) {
            return given;
        }
        return names.stream().filter(n -> n.term() instanceof CatalogTerm.Authority)
                .map(n -> ((CatalogTerm.Authority) n.term()).spec().jurisdiction()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /**
     * Adds the uses of every term the document defines. Where words overlap, a catalog name wins over a use ("Act" in
     * "FTC Act"), and a use over a generic reading of the same words.
     */
    private static List<NameMatch> withDefinedTerms(String text, List<NameMatch> read, Set<Integer> fromGeneric) {
        List<NameMatch> uses = new ArrayList<>();
        Set<String> terms = new HashSet<>();
        for (NameMatch name : read) {
            Definitions.Definition definition = terms.size() < MAX_DEFINITIONS ? Definitions.after(text, name) : null;
            if (definition != null && terms.add(definition.term())) {
                uses.addAll(Definitions.uses(text, definition));
            }
        }
        if (uses.isEmpty()) {
            return read;
        }
        List<NameMatch> all = new ArrayList<>(read);
        all.addAll(uses);
        Set<NameMatch> used = new HashSet<>(uses);
        Comparator<NameMatch> rank = Comparator.comparingInt(n -> used.contains(n) ? 1 : fromGeneric.contains(n.start()) ? 2 : 0);
        all.sort(Comparator.comparingInt(NameMatch::start));
        List<NameMatch> kept = new ArrayList<>();
        for (NameMatch n : all) {
            NameMatch last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || n.start() >= last.end()) {
                kept.add(n);
            } else if (rank.compare(n, last) < 0) {
                kept.set(kept.size() - 1, n);
            }
        }
        return kept;
    }


    /** A candidate settled by the document: an instrument so read says so, for the rule mentions it gives. */
    private static CatalogTerm settle(CatalogTerm term) {
        return term instanceof CatalogTerm.Instrument i ? new CatalogTerm.Instrument(i.numbering(), ResolvedBy.DOCUMENT) : term;
    }

    /** Which catalog entry a term is, whatever name it was found by: the catalog's object for it, compared by identity. */
    static Object entry(CatalogTerm term) {
        if (term instanceof CatalogTerm.Instrument i) {
            return i.numbering();
        }
        if (term instanceof CatalogTerm.Authority a) {
            return a.spec();
        }
        if (term instanceof CatalogTerm.Platform p) {
            return p.spec();
        }
        if (term instanceof CatalogTerm.Provider p) {
            return p.spec();
        }
        return term;
    }

    private static String jurisdiction(CatalogTerm term) {
        if (term instanceof CatalogTerm.Instrument i) {
            return i.numbering().instrument().jurisdiction();
        }
        return term instanceof CatalogTerm.Authority a ? a.spec().jurisdiction() : null;
    }
}
