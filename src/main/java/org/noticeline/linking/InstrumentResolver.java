package org.noticeline.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides which instrument each citation cites, as a reader would: the instrument named right after it
 * ("Article 34 DSA", "Article 11 of the Charter"), else the one named right before it ("47 U.S.C. § 230",
 * "GDPR Article 6"), else the one named after the last of a run of citations ("Article 5(1)(a) and
 * Article 6(1) GDPR"), else the nearest one named earlier in the same sentence. A citation of something
 * the catalog does not know ("Article 28 of Directive 95/46/EC", "section 3 below") stays unresolved
 * rather than being read in some other instrument nearby.
 */
final class InstrumentResolver {

    /**
     * A citation and the numbering it is read in and how that was decided, or why none could be chosen; {@code open}
     * when nothing in the sentence said which instrument it cites, so the document as a whole may.
     */
    record Resolution(Citation citation, Numbering numbering, ResolvedBy via, String reason, boolean open) {

        static Resolution of(Citation citation, CatalogTerm.Instrument instrument) {
            return new Resolution(citation, instrument.numbering(), instrument.via(), null, false);
        }

        static Resolution unresolved(Citation citation, String reason) {
            return new Resolution(citation, null, null, reason, false);
        }

        /** True when the citation names an instrument the catalog does not know ("of Directive 95/46/EC"). */
        boolean foreign() {
            return numbering == null && reason != null && reason.startsWith(CITES);
        }
    }

    private record Owner(CatalogTerm.Instrument instrument, String unknown) {
        static final Owner NONE = new Owner(null, null);
    }

    private static final String CITES = "cites '";
    private static final Pattern JOINING = Pattern.compile(
            "\\s*(,|,?\\s*(and|or|and/or|&|as well as|(read )?(in conjunction|together|in combination) with|read with"
                    + "|et|ou|und|oder|sowie|i\\.\\s?V\\.\\s?m\\.|in Verbindung mit|e|c/c|combinado com|en liaison avec|lu en combinaison avec))?\\s*");
    private static final List<String> DOCUMENT_PARTS = List.of("above", "below", "hereof", "hereunder");
    private static final List<String> DETERMINERS = Stream.concat(Stream.of("these", "those"),
            Definitions.DETERMINERS.stream()).toList();
    private static final List<String> CONNECTORS = List.of("of", "the", "on", "and", "for", "et", "da", "do", "de");
    /** "Article 19 of the Marco Civil", and as Portuguese, French or German texts write it ("art. 19 do Marco Civil"). */
    private static final List<String> OF = List.of("of", "do", "da", "de", "des", "der", "del", "du", "dos");

    List<Resolution> resolve(String text, List<Citation> citations, List<NameMatch> instruments) {
        NameMatch[] names = instruments.toArray(NameMatch[]::new);
        Resolution[] resolutions = new Resolution[citations.size()];
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < citations.size(); i++) {
            Citation citation = citations.get(i);
            if (!run.isEmpty() && !joined(text, citations.get(i - 1).end(), citation.start())) {
                lookBack(text, citations, run, names, resolutions);
            }
            Owner owner = ownerAfter(text, citation.end(), names);
            if (owner.instrument() != null) {
                resolutions[i] = fit(citation, owner.instrument());
                for (int earlier : run) {
                    Citation pending = citations.get(earlier);
                    // "s. 10 and § 2 NetzDG": a run changing its marker changes instrument, so NetzDG is § 2's alone
                    resolutions[earlier] = pending.unit().fits(owner.instrument().numbering().unit()) && sameMarker(text, pending, citation)
                            ? fit(pending, owner.instrument()) : lookBack(text, pending, names);
                }
                run.clear();
            } else if (owner.unknown() != null) {
                resolutions[i] = Resolution.unresolved(citation, owner.unknown());
                run.forEach(earlier -> resolutions[earlier] = Resolution.unresolved(citations.get(earlier), owner.unknown()));
                run.clear();
            } else {
                CatalogTerm.Instrument before = namedRightBefore(text, citation.start(), names);
                if (before != null) {
                    lookBack(text, citations, run, names, resolutions);
                    resolutions[i] = fit(citation, before);
                } else {
                    run.add(i);
                }
            }
        }
        lookBack(text, citations, run, names, resolutions);
        return List.of(resolutions);
    }

    private static Resolution fit(Citation citation, CatalogTerm.Instrument instrument) {
        Numbering numbering = instrument.numbering();
        return citation.unit().fits(numbering.unit())
                ? Resolution.of(citation, instrument)
                : Resolution.unresolved(citation, numbering.name() + " is not numbered by " + unitName(citation.unit()));
    }

    /** True when both citations open with "§", or neither does. */
    private static boolean sameMarker(String text, Citation a, Citation b) {
        return (text.charAt(a.start()) == '§') == (text.charAt(b.start()) == '§');
    }

    private static void lookBack(String text, List<Citation> citations, List<Integer> run, NameMatch[] names,
                                 Resolution[] resolutions) {
        run.forEach(i -> resolutions[i] = lookBack(text, citations.get(i), names));
        run.clear();
    }

    private static Resolution lookBack(String text, Citation citation, NameMatch[] names) {
        int sentence = Sentences.startOf(text, citation.start());
        boolean named = false;
        for (int k = lastEndingBy(names, citation.start()); k >= 0 && names[k].start() >= sentence; k--) {
            CatalogTerm.Instrument instrument = instrumentOf(names[k]);
            if (citation.unit().fits(instrument.numbering().unit())) {
                return Resolution.of(citation, instrument);
            }
            named = true;
        }
        return new Resolution(citation, null, null, named
                ? "no instrument numbered by " + unitName(citation.unit()) + " named earlier in the sentence"
                : "no instrument named in the sentence", true);
    }

    /** What the words right after a citation say it belongs to: "DSA", "of the Charter", "of Directive 95/46/EC". */
    private static Owner ownerAfter(String text, int end, NameMatch[] names) {
        int pos = Words.spaces(text, end);
        NameMatch right = startingAt(names, pos);
        if (right != null) {
            return new Owner(instrumentOf(right), null);
        }
        // "Article 34(1), first subparagraph, point (b), of Regulation (EU) 2022/2065"
        int ofStart = pos < text.length() && text.charAt(pos) == ',' ? Words.spaces(text, pos + 1) : pos;
        int of = OF.stream().mapToInt(word -> Words.afterWord(text, ofStart, word)).max().orElse(-1);
        // "under Article 20 do not let users": the Portuguese "do" before an English word is the English verb
        boolean verb = of > 0 && text.startsWith("do", ofStart) && of == ofStart + 2
                && Character.isLowerCase(text.charAt(Math.min(text.length() - 1, Words.spaces(text, of))));
        if (of > 0 && !verb && of < text.length() && Words.isSpace(text.charAt(of))) {
            int owner = Words.spaces(text, of);
            NameMatch named = startingAt(names, owner);
            for (int d = 0; named == null && d < DETERMINERS.size(); d++) {
                int after = Words.afterWord(text, owner, DETERMINERS.get(d));
                named = after > 0 ? startingAt(names, Words.spaces(text, after)) : null;
            }
            return named != null
                    ? new Owner(instrumentOf(named), null)
                    : new Owner(null, CITES + phrase(text, owner) + "', which is not an instrument of the catalog");
        }
        for (String part : DOCUMENT_PARTS) {
            if (Words.afterWord(text, pos, part) > 0) {
                return new Owner(null, "refers to a part of the document itself");
            }
        }
        String acronym = acronymAt(text, pos);
        return acronym == null ? Owner.NONE
                : new Owner(null, CITES + acronym + "', which is not an instrument of the catalog");
    }

    private static CatalogTerm.Instrument namedRightBefore(String text, int start, NameMatch[] names) {
        int k = lastEndingBy(names, start);
        if (k < 0) {
            return null;
        }
        for (int i = names[k].end(); i < start; i++) {
            if (!Words.isSpace(text.charAt(i))) {
                return null;
            }
        }
        return instrumentOf(names[k]);
    }

    private static boolean joined(String text, int from, int to) {
        return to - from <= 40 && JOINING.matcher(text.substring(from, to)).matches();
    }

    /** An all-capitals word ("UK", "TEU", "CDSM") right after a citation names an instrument. */
    private static String acronymAt(String text, int pos) {
        int end = pos;
        while (end < text.length() && (Character.isUpperCase(text.charAt(end))
                || (end > pos && Character.isDigit(text.charAt(end))))) {
            end++;
        }
        boolean wordEnds = end == text.length() || !Character.isLetter(text.charAt(end));
        return end - pos >= 2 && wordEnds ? text.substring(pos, end) : null;
    }

    /** The name cited at {@code pos} ("the Irish Data Protection Act 2018", "Directive 95/46/EC"), for a reason a curator can read. */
    private static String phrase(String text, int pos) {
        String[] words = text.substring(pos, Math.min(text.length(), pos + 80)).split("[,;:]", 2)[0].split("\\s+");
        List<String> phrase = new ArrayList<>();
        for (String word : words) {
            boolean opening = phrase.isEmpty() || (phrase.size() == 1 && DETERMINERS.contains(phrase.get(0)));
            boolean name = !word.isEmpty() && (Character.isUpperCase(word.charAt(0)) || Character.isDigit(word.charAt(0)));
            if (word.isEmpty() || (!opening && !name && !CONNECTORS.contains(word))) {
                break;
            }
            boolean endsSentence = word.indexOf('.') == word.length() - 1;
            phrase.add(endsSentence ? word.substring(0, word.length() - 1) : word);
            if (endsSentence) {
                break;
            }
        }
        while (phrase.size() > 1 && CONNECTORS.contains(phrase.get(phrase.size() - 1))) {
            phrase.remove(phrase.size() - 1);
        }
        return String.join(" ", phrase);
    }

    private static CatalogTerm.Instrument instrumentOf(NameMatch match) {
        return (CatalogTerm.Instrument) match.term();
    }

    private static NameMatch startingAt(NameMatch[] names, int pos) {
        int k = firstStartingFrom(names, pos);
        return k < names.length && names[k].start() == pos ? names[k] : null;
    }

    private static int firstStartingFrom(NameMatch[] names, int pos) {
        int low = 0;
        int high = names.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (names[mid].start() < pos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Index of the last name ending at or before {@code pos}; names do not overlap, so ends are sorted too. */
    private static int lastEndingBy(NameMatch[] names, int pos) {
        int low = 0;
        int high = names.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (names[mid].end() <= pos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    private static String unitName(Unit unit) {
        return unit == Unit.ANY ? "number" : unit.name().toLowerCase(Locale.ROOT);
    }
}
