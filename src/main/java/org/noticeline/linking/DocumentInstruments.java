package org.noticeline.linking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The instruments a document is about, for a citation whose own sentence names none ("The Commission may also
 * request information under Article 67."): the one instrument numbered that way that the document names anywhere
 * (by name, defined term or settled generic name), or, where it names none so numbered, the one of its curated links.
 * Two candidates and the citation stays unresolved: which of them it means is the reader's guess, not the text's.
 */
final class DocumentInstruments {

    private final List<NameMatch> named;
    private final List<Numbering> context;

    DocumentInstruments(List<NameMatch> named, List<Numbering> context) {
        this.named = named;
        this.context = context;
    }

    InstrumentResolver.Resolution resolve(InstrumentResolver.Resolution open) {
        Citation citation = open.citation();
        Set<Numbering> candidates = new LinkedHashSet<>();
        named.stream().map(n -> ((CatalogTerm.Instrument) n.term()).numbering())
                .filter(n -> citation.unit().fits(n.unit())).forEach(candidates::add);
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
