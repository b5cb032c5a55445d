package org.noticeline.linking;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instruments a document is about, for a citation whose own sentence names none ("The Commission may also
 * request information under Article 67."): as a reader who has read that far, the one instrument numbered that way
 * the document has named before it (by name, defined term or settled generic name); where it has named none so far,
 * the one it names later (a heading after an opening line); where it names none at all, the one of its curated
 * links. Two candidates and the citation stays unresolved: which of them it means is the reader's guess, not the text's.
 */
final class DocumentInstruments {

    /** Each numbering the document names, with where it is first named: few, whatever the length of the text. */
    private final Map<Numbering, Integer> firstNamed = new LinkedHashMap<>();
    private final List<Numbering> context;
    /** Where the document first cites or defines an instrument the catalog does not know, by the unit cited (null: any). */
    private final Map<Unit, Integer> firstForeign = new HashMap<>();

    record Foreign(int at, Unit unit) {
    }

    DocumentInstruments(List<NameMatch> named, List<Numbering> context, List<Foreign> foreign) {
        named.forEach(n -> firstNamed.putIfAbsent(((CatalogTerm.Instrument) n.term()).numbering(), n.end()));
        this.context = context;
        foreign.forEach(f -> firstForeign.merge(f.unit() == null ? Unit.ANY : f.unit(), f.at(), Math::min));
    }

    /**
     * True when every candidate reads every cited number as the same provision: "Section 230" in a text naming both
     * the Communications Decency Act and title 47 is 47 U.S.C. § 230 either way.
     */
    private static boolean agree(Set<Numbering> candidates, Citation citation) {
        for (CitedItem item : citation.items()) {
            Set<String> keys = new LinkedHashSet<>();
            for (Numbering numbering : candidates) {
                keys.add(numbering.provision(item.number()).map(p -> numbering.instrument().code() + ":" + p).orElse(null));
            }
            if (keys.size() != 1 || keys.contains(null)) {
                return false;
            }
        }
        return true;
    }

    private Set<Numbering> candidates(Citation citation, int before) {
        Set<Numbering> candidates = new LinkedHashSet<>();
        firstNamed.forEach((numbering, at) -> {
            if (at <= before && citation.unit().fits(numbering.unit())) {
                candidates.add(numbering);
            }
        });
        return candidates;
    }

    InstrumentResolver.Resolution resolve(InstrumentResolver.Resolution open) {
        Citation citation = open.citation();
        // "section 368Z10 of the 2003 Act ... Section 3": once an unknown Act is in play, a bare section may be its
        int foreign = Math.min(firstForeign.getOrDefault(Unit.ANY, Integer.MAX_VALUE), firstForeign.getOrDefault(citation.unit(), Integer.MAX_VALUE));
        if (foreign < citation.start()) {
            return InstrumentResolver.Resolution.unresolved(citation,
                    "the document also cites an instrument the catalog does not know; the sentence does not say which");
        }
        Set<Numbering> candidates = candidates(citation, citation.start());
        if (candidates.isEmpty()) {
            candidates = candidates(citation, Integer.MAX_VALUE);
        }
        if (candidates.isEmpty()) {
            context.stream().filter(n -> citation.unit().fits(n.unit())).forEach(candidates::add);
        }
        if (candidates.size() == 1 || agree(candidates, citation)) {
            return new InstrumentResolver.Resolution(citation, candidates.iterator().next(), ResolvedBy.DOCUMENT, null, false);
        }
        return candidates.isEmpty() ? open : InstrumentResolver.Resolution.unresolved(citation,
                "the document names " + candidates.stream().map(Numbering::name).distinct().toList() + "; the sentence does not say which");
    }
}
