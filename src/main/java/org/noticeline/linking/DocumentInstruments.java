package org.noticeline.linking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The instruments a document is about, for a citation whose own sentence names none ("The Commission may also
 * request information under Article 67."): as a reader who has read that far, the one instrument numbered that way
 * the document has named before it (by name, defined term or settled generic name); where it has named none so far,
 * the one it names later (a heading after an opening line); where it names none at all, the one of its curated
 * links. Two candidates and the citation stays unresolved: which of them it means is the reader's guess, not the text's.
 */
final class DocumentInstruments {

    private final List<NameMatch> named;
    private final List<Numbering> context;
    /** Where the document cites or defines an instrument the catalog does not know, each with the unit cited. */
    private final List<Foreign> foreign;

    record Foreign(int at, Unit unit) {
    }

    DocumentInstruments(List<NameMatch> named, List<Numbering> context, List<Foreign> foreign) {
        this.named = named;
        this.context = context;
        this.foreign = foreign;
    }

    private static Set<Numbering> candidates(Citation citation, List<NameMatch> names) {
        Set<Numbering> candidates = new LinkedHashSet<>();
        names.stream().map(n -> ((CatalogTerm.Instrument) n.term()).numbering())
                .filter(n -> citation.unit().fits(n.unit())).forEach(candidates::add);
        return candidates;
    }

    InstrumentResolver.Resolution resolve(InstrumentResolver.Resolution open) {
        Citation citation = open.citation();
        // "section 368Z10 of the 2003 Act ... Section 3": once an unknown Act is in play, a bare section may be its
        if (foreign.stream().anyMatch(f -> f.at() < citation.start() && (f.unit() == null || f.unit() == citation.unit()))) {
            return InstrumentResolver.Resolution.unresolved(citation,
                    "the document also cites an instrument the catalog does not know; the sentence does not say which");
        }
        Set<Numbering> candidates = candidates(citation, named.stream().filter(n -> n.end() <= citation.start()).toList());
        if (candidates.isEmpty()) {
            candidates = candidates(citation, named);
        }
        if (candidates.isEmpty()) {
            context.stream().filter(n -> citation.unit().fits(n.unit())).forEach(candidates::add);
        }
        if (candidates.size() == 1) {
            return new InstrumentResolver.Resolution(citation, candidates.iterator().next(), ResolvedBy.DOCUMENT, null, false);
        }
        return candidates.isEmpty() ? open : InstrumentResolver.Resolution.unresolved(citation,
                "the document names " + candidates.stream().map(Numbering::name).distinct().toList() + "; the sentence does not say which");
    }
}
