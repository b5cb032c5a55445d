/**
 * The linking engine: finds in free text the rules, platforms, providers, authorities and dates it cites.
 *
 * <p>{@code Linker.from(catalog)} builds an immutable engine from the catalog alone;
 * {@code linker.extract(text)} returns an {@link org.noticeline.linking.Extraction} whose mentions carry
 * UTF-16 offsets into the text, and {@code extraction.links()} the distinct rule keys and platform ids.
 *
 * <p>How a text is read: {@code AliasMatcher} finds every catalog name in one Aho-Corasick pass;
 * {@code CitationParser} reads the citation grammar wherever {@code CitationMarkers} finds a marker;
 * {@code InstrumentResolver} decides which instrument each citation cites, or why none can be said;
 * {@code CitationExtractor} turns that into rule mentions; {@code PlatformRecognizer} keeps the platforms
 * and providers (not the placeholder X); {@code DateRecognizer} reads dates. Names, numbers and aliases
 * come from the catalog; only the grammar is code.
 */
package org.noticeline.linking;
