package org.noticeline.linking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a platform's name is a company's: a party in a case name ("Twitter v Taamneh", "Data Protection
 * Commissioner v Facebook Ireland Limited"), where the company, not the service, is before the court, or the head of
 * a company's full name ("Facebook Serviços Online do Brasil Ltda.").
 */
final class Parties {

    private static final String FORMS = "Inc\\.?|Ltd\\.?|Limited|Unlimited Company|LLC|L\\.L\\.C\\.|GmbH|S\\.A\\.S?|SAS|B\\.V\\.|BV|plc|PLC"
            + "|Corp\\.?|Corporation|Ltda\\.?|AG|SE|Pty Ltd|Pty Limited|LLP|S\\.r\\.l\\.|S\\.p\\.A\\.|ULC";
    private static final String PLACES = "Ireland|UK|U\\.K\\.|Germany|Deutschland|France|Netherlands|Brasil|Brazil|Australia|Singapore"
            + "|Japan|India|Canada|Spain|España|Italy|Italia|Poland|Belgium";
    private static final Pattern COMPANY = Pattern.compile(
            ",?\\s(?:(?:" + PLACES + "|International|Technology|Operations|Europe|Global|Platforms|Services)"
                    + "(?:\\s(?:Operations|Services|Technology|International|Holdings))?\\s(?:" + FORMS + ")|(?:" + PLACES + ")|(?:" + FORMS + "))"
                    + "(?![\\p{L}\\p{N}])");
    /** A company's full name after the platform's: "Facebook Serviços Online do Brasil Ltda.", "YouTube Music Services UK Ltd". */
    private static final Pattern LONG_COMPANY = Pattern.compile(
            "(?:\\s(?:\\p{Lu}[\\p{L}-]*|do|da|de|dos|das|du|des|of|and|&|und)){2,6},?\\s(?:" + FORMS + ")(?![\\p{L}\\p{N}])");
    private static final Pattern PARTY_BEFORE = Pattern.compile("\\sv\\.?\\s|\\svs\\.?\\s");

    private Parties() {
    }

    /**
     * Where the company's name ends when the platform's name at {@code [start, end)} begins one: a party to a case
     * ("Twitter v Taamneh", "Data Protection Commissioner v Facebook Ireland Limited"), or a company's full name
     * ("Facebook Serviços Online do Brasil Ltda."); else -1. Outside a case name a country and a legal form alone
     * still leave the service meant: "the DPC fined WhatsApp Ireland Limited" concerns WhatsApp.
     */
    static int partyEnd(String text, int start, int end) {
        if (!mayBeCompany(text, start, end)) {
            return -1;
        }
        Matcher company = LONG_COMPANY.matcher(text).region(end, Math.min(text.length(), end + 90));
        if (company.lookingAt()) {
            return company.end();
        }
        Matcher form = COMPANY.matcher(text).region(end, Math.min(text.length(), end + 50));
        int nameEnd = form.lookingAt() ? form.end() : end;
        Matcher after = PARTY_BEFORE.matcher(text).region(nameEnd, Math.min(text.length(), nameEnd + 5));
        if (after.lookingAt() && startsWithLetter(text, after.end())) {
            return nameEnd;
        }
        int from = Math.max(0, start - 5);
        Matcher before = PARTY_BEFORE.matcher(text).region(from, start);
        while (before.find()) {
            if (before.end() == start && from < before.start() && Character.isLetter(text.charAt(before.start() - 1))) {
                return nameEnd;
            }
        }
        return -1;
    }

    /** The cheap test first: a company or a case name needs a capital or "v" right after, or "v" right before. */
    private static boolean mayBeCompany(String text, int start, int end) {
        int next = end < text.length() && text.charAt(end) == ',' ? end + 1 : end;
        boolean wordAfter = next + 1 < text.length() && text.charAt(next) == ' '
                && (Character.isUpperCase(text.charAt(next + 1)) || text.charAt(next + 1) == 'v');
        boolean caseBefore = start >= 3 && text.charAt(start - 1) == ' '
                && (text.charAt(start - 2) == 'v' || text.charAt(start - 2) == '.' || text.charAt(start - 2) == 's');
        return wordAfter || caseBefore;
    }

    /** "Threads, the Meta app, ...", "Threads (Meta) ...": a name, not a plural noun, takes an apposition. */
    static boolean introducesApposition(String text, int end) {
        return end < text.length() && (text.charAt(end) == ',' || text.startsWith(" (", end));
    }

    /** True at the first word of a sentence, where every word is capitalised. */
    static boolean opensSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (Words.isSpace(text.charAt(i)) && text.charAt(i) != '\n' || "\"“‘'(*-•".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:\n".indexOf(text.charAt(i)) >= 0;
    }

    /** "v Taamneh", "v eSafety Commissioner": a case name goes on with the other party's name. */
    private static boolean startsWithLetter(String text, int pos) {
        return pos < text.length() && Character.isLetter(text.charAt(pos));
    }
}
