package org.noticeline.linking;

import org.noticeline.catalog.model.Catalog;

import java.util.List;
import java.util.Objects;

/**
 * The linking engine: reads free text and finds the rules, platforms, providers, authorities and dates
 * it cites, using only what the catalog knows. Built once per catalog; immutable, so one instance
 * serves any number of threads.
 */
public final class Linker {

    /**
     * The version of what this engine finds. Bump it by hand with any change that makes it find something else in the
     * same text and catalog: stored notices are then re-linked in the background, and those whose links differ get a
     * {@code relinked} change.
     */
    public static final int ENGINE_VERSION = 2;

    private final Catalog catalog;
    private final AliasMatcher aliases;
    private final DocumentReading reading;
    private final CitationExtractor citations = new CitationExtractor();
    private final PlatformRecognizer platforms;
    private final DateRecognizer dates = new DateRecognizer();

    private Linker(Catalog catalog) {
        this.catalog = catalog;
        this.aliases = AliasMatcher.of(catalog);
        this.reading = new DocumentReading(catalog);
        this.platforms = new PlatformRecognizer(catalog);
    }

    public static Linker from(Catalog catalog) {
        return new Linker(Objects.requireNonNull(catalog, "catalog"));
    }

    public Extraction extract(String text) {
        return extract(text, LinkingContext.NONE);
    }

    /** What {@code text} cites, read with what is known of the document it comes from. */
    public Extraction extract(String text, LinkingContext context) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        List<NameMatch> names = reading.read(text, aliases.find(text), context);
        List<Numbering> curated = context.instruments().stream().distinct()
                .flatMap(code -> catalog.instrument(code).stream()).map(Numbering::of).toList();
        CitationExtractor.Citations cited = citations.extract(text, names, curated);
        PlatformRecognizer.Found found = platforms.recognize(text, names);
        List<AuthorityMention> authorities = names.stream()
                .filter(n -> n.term() instanceof CatalogTerm.Authority)
                .map(n -> authority(text, n))
                .toList();
        return new Extraction(cited.rules(), found.platforms(), found.providers(), authorities, dates.find(text),
                cited.unresolved());
    }

    private static AuthorityMention authority(String text, NameMatch name) {
        var spec = ((CatalogTerm.Authority) name.term()).spec();
        return new AuthorityMention(spec.id(), spec.name(), text.substring(name.start(), name.end()), name.start(), name.end());
    }
}
