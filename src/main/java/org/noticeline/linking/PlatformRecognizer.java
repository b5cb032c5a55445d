package org.noticeline.linking;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.ProviderSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Platforms and providers among the names found in a text. A one-letter name (X) is also a placeholder
 * or a numeral in legal prose, so it is not read as a platform after a designator ("Article X",
 * "Annex X", "Member State X"), beside another placeholder ("X and Y"), as a numeral heading a line
 * ("X. Conclusions") or inside a compound ("X-ray"). A platform's name standing as a party in a case name ("Data
 * Protection Commissioner v Facebook Ireland Limited") is its provider, not the service.
 */
final class PlatformRecognizer {

    /** Platforms and providers named in one text. */
    record Found(List<PlatformMention> platforms, List<ProviderMention> providers) {
    }

    private static final Set<String> DESIGNATORS = Set.of(
            "article", "articles", "art", "annex", "annexes", "chapter", "section", "title", "part", "recital",
            "point", "paragraph", "schedule", "appendix", "table", "figure", "footnote", "exhibit", "state",
            "states", "country", "countries", "company", "companies", "party", "parties", "person", "user",
            "option", "scenario", "example", "type", "category", "level", "phase", "stage", "step", "tier",
            "version", "model", "case", "generation", "mr", "ms", "mrs", "dr", "entity", "brand", "product",
            "inciso", "item", "chapitre", "titre", "annexe", "anhang", "kapitel", "titel", "anexo", "capítulo", "título");
    private static final List<String> CONJUNCTIONS = List.of("and", "or");

    private final Map<String, ProviderSpec> providers;

    PlatformRecognizer(Catalog catalog) {
        this.providers = catalog.providers().stream().collect(Collectors.toUnmodifiableMap(ProviderSpec::id, Function.identity()));
    }

    Found recognize(String text, List<NameMatch> names) {
        List<PlatformMention> platforms = new ArrayList<>();
        List<ProviderMention> providers = new ArrayList<>();
        List<PlatformMention> openingSentence = new ArrayList<>();
        for (NameMatch name : names) {
            boolean platformOrProvider = name.term() instanceof CatalogTerm.Platform || name.term() instanceof CatalogTerm.Provider;
            if (!platformOrProvider || (name.end() - name.start() == 1 && isPlaceholder(text, name.start()))) {
                continue;
            }
            String written = text.substring(name.start(), name.end());
            if (name.term() instanceof CatalogTerm.Platform platform) {
                int company = Parties.partyEnd(text, name.start(), name.end());
                if (company > 0) {
                    ProviderSpec provider = platform.spec().provider() == null ? null : this.providers.get(platform.spec().provider());
                    if (provider != null) {
                        providers.add(new ProviderMention(provider.id(), provider.name(), text.substring(name.start(), company),
                                name.start(), company));
                    }
                    continue;
                }
                PlatformMention mention = new PlatformMention(platform.spec().id(), platform.spec().name(), written, name.start(), name.end());
                boolean maybeTheWord = platform.spec().commonWord() && Parties.opensSentence(text, name.start())
                        && !Parties.introducesApposition(text, name.end());
                (maybeTheWord ? openingSentence : platforms).add(mention);
            } else if (name.term() instanceof CatalogTerm.Provider provider) {
                providers.add(new ProviderMention(provider.spec().id(), provider.spec().name(), written, name.start(), name.end()));
            }
        }
        // "Threads" opening a sentence may be the word; it is the platform where the text names the platform elsewhere
        Set<String> namedElsewhere = platforms.stream().map(PlatformMention::id).collect(Collectors.toSet());
        openingSentence.stream().filter(m -> namedElsewhere.contains(m.id())).forEach(platforms::add);
        return new Found(platforms, providers);
    }

    private static boolean isPlaceholder(String text, int at) {
        return inCompound(text, at)
                || DESIGNATORS.contains(wordBefore(text, at).toLowerCase(Locale.ROOT))
                || isSingleLetter(wordAfterSeparator(text, at + 1))
                || isSingleLetter(wordBeforeSeparator(text, at))
                || headsLine(text, at);
    }

    private static boolean inCompound(String text, int at) {
        boolean joinedAfter = at + 2 < text.length() && text.charAt(at + 1) == '-' && Character.isLetter(text.charAt(at + 2));
        boolean joinedBefore = at >= 2 && text.charAt(at - 1) == '-' && Character.isLetter(text.charAt(at - 2));
        return joinedAfter || joinedBefore;
    }

    private static boolean headsLine(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        boolean lineStart = i < 0 || text.charAt(i) == '\n';
        return lineStart && at + 1 < text.length() && (text.charAt(at + 1) == '.' || text.charAt(at + 1) == ')');
    }

    /** The word right before {@code at}, separated by one space only. */
    private static String wordBefore(String text, int at) {
        int end = at - 1;
        if (end < 0 || !Words.isSpace(text.charAt(end))) {
            return "";
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    /** The word after ", ", " and ", " or " or "/" following {@code from}, or "" when no separator is there. */
    private static String wordAfterSeparator(String text, int from) {
        int pos = from;
        boolean separated = false;
        if (pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == '/')) {
            separated = true;
            pos++;
        }
        pos = Words.spaces(text, pos);
        for (String conjunction : CONJUNCTIONS) {
            int after = Words.afterWord(text, pos, conjunction);
            if (after > 0) {
                separated = true;
                pos = Words.spaces(text, after);
            }
        }
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return separated ? text.substring(pos, end) : "";
    }

    /** The word before "Y, ", "Y and ", "Y or " or "Y/" ending at {@code at}, or "". */
    private static String wordBeforeSeparator(String text, int at) {
        int pos = at;
        while (pos > 0 && Words.isSpace(text.charAt(pos - 1))) {
            pos--;
        }
        boolean separated = false;
        for (String conjunction : CONJUNCTIONS) {
            int start = pos - conjunction.length();
            if (start > 0 && text.startsWith(conjunction, start) && Words.isSpace(text.charAt(start - 1))) {
                separated = true;
                pos = start;
                break;
            }
        }
        while (pos > 0 && Words.isSpace(text.charAt(pos - 1))) {
            pos--;
        }
        if (pos > 0 && (text.charAt(pos - 1) == ',' || text.charAt(pos - 1) == '/')) {
            separated = true;
            pos--;
        }
        int start = pos;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return separated ? text.substring(start, pos) : "";
    }

    private static boolean isSingleLetter(String word) {
        return word.length() == 1 && Character.isUpperCase(word.charAt(0));
    }
}
