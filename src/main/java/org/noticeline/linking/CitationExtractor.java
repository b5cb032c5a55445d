package org.noticeline.linking;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the citations in a text into rule mentions, one per provision cited, or into unresolved
 * citations when no instrument can be chosen or the instrument has no such provision. Recitals are read
 * (so their numbers are never taken for articles) and dropped: they are not provisions.
 */
final class CitationExtractor {

    /** What a text cites: the provisions linked, and the citations that could not be. */
    record Citations(List<RuleMention> rules, List<UnresolvedCitation> unresolved) {
    }

    private final CitationParser parser = new CitationParser();
    private final InstrumentResolver resolver = new InstrumentResolver();

    Citations extract(String text, List<NameMatch> names, List<Numbering> contextInstruments) {
        List<NameMatch> instruments = names.stream().filter(n -> n.term() instanceof CatalogTerm.Instrument).toList();
        List<RuleMention> rules = new ArrayList<>();
        List<UnresolvedCitation> unresolved = new ArrayList<>();
        List<InstrumentResolver.Resolution> resolutions = resolver.resolve(text, parser.parse(text, instruments), instruments);
        DocumentInstruments document = resolutions.stream().anyMatch(InstrumentResolver.Resolution::open)
                ? new DocumentInstruments(instruments, contextInstruments, foreign(text, resolutions, instruments,
                names.stream().filter(n -> n.term() instanceof CatalogTerm.Unsettled).toList())) : null;
        for (InstrumentResolver.Resolution resolution : resolutions) {
            if (resolution.citation().unit() == Unit.RECITAL) {
                continue;
            }
            InstrumentResolver.Resolution read = resolution.open() ? document.resolve(resolution) : resolution;
            for (CitedItem item : read.citation().items()) {
                String cited = text.substring(item.start(), item.end());
                Numbering numbering = read.numbering();
                if (numbering == null) {
                    unresolved.add(new UnresolvedCitation(cited, read.reason(), item.start(), item.end()));
                    continue;
                }
                numbering.provision(item.number()).ifPresentOrElse(
                        provision -> rules.add(rule(numbering, provision, item, cited, read.via())),
                        () -> unresolved.add(new UnresolvedCitation(cited, numbering.missing(item.number()),
                                item.start(), item.end())));
            }
        }
        for (NameMatch name : names) {
            if (name.term() instanceof CatalogTerm.Provision named) {
                rules.add(new RuleMention(named.key(), named.instrument().code(), named.provision().number(), null, null,
                        text.substring(name.start(), name.end()), name.start(), name.end()));
            }
        }
        return new Citations(rules, unresolved);
    }

    private static List<DocumentInstruments.Foreign> foreign(String text, List<InstrumentResolver.Resolution> resolutions,
                                                             List<NameMatch> instruments, List<NameMatch> unsettled) {
        List<DocumentInstruments.Foreign> foreign = new ArrayList<>();
        resolutions.stream().filter(InstrumentResolver.Resolution::foreign)
                .forEach(r -> foreign.add(new DocumentInstruments.Foreign(r.citation().start(), r.citation().unit())));
        Definitions.foreign(text, instruments).forEach(at -> foreign.add(new DocumentInstruments.Foreign(at, null)));
        unsettled.forEach(n -> foreign.add(new DocumentInstruments.Foreign(n.start(), Unit.of(((CatalogTerm.Unsettled) n.term()).unit()))));
        return foreign;
    }

    private static RuleMention rule(Numbering numbering, String provision, CitedItem item, String cited, ResolvedBy via) {
        List<String> subdivisions = item.subdivisions();
        String code = numbering.instrument().code();
        return new RuleMention(code + ":" + provision, code, provision,
                subdivisions.isEmpty() ? null : subdivisions.get(0),
                subdivisions.size() < 2 ? null : subdivisions.get(1),
                cited, item.start(), item.end(), via);
    }
}
