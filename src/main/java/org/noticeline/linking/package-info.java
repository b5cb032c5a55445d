/**
 * The linking engine: finds in free text the rules, platforms, providers, authorities and dates it cites.
 *
 * <p>{@code Linker.from(catalog)} builds an immutable engine from the catalog alone;
 * {@code linker.extract(text)} returns an {@link org.noticeline.linking.Extraction} whose mentions carry
 * UTF-16 offsets into the text, and {@code extraction.links()} the distinct rule keys and platform ids.
 *
 * <p>How a text is read: {@code AliasMatcher} finds every catalog name in one Aho-Corasick pass;
 * {@code DocumentReading} settles what shared and generic names stand for in this document and adds the
 * terms it defines ({@code Definitions}); {@code CitationParser} reads the citation grammar wherever
 * {@code CitationMarkers} finds a marker; {@code InstrumentResolver} decides which instrument each citation's
 * sentence names, {@code DocumentInstruments} which one the document settles when the sentence names none,
 * or why none can be said; {@code CitationExtractor} turns that into rule mentions, each saying how it was
 * resolved; {@code PlatformRecognizer} keeps the platforms and providers (not the placeholder X, not a
 * party's name, see {@code Parties}); {@code DateRecognizer} reads dates. {@code extract(text, context)} takes
 * what is known of the document besides its text ({@link org.noticeline.linking.LinkingContext}). Names,
 * numbers and aliases come from the catalog; only the grammar is code.
 */
package org.noticeline.linking;
