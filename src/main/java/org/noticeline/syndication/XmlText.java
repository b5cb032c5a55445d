package org.noticeline.syndication;

import org.jdom2.Verifier;

/**
 * Text as XML 1.0 can carry it. Notices may hold characters that no XML document may contain (most C0 controls,
 * U+FFFE, U+FFFF): writes accept them, and JDOM refuses them, so one such title would make every feed that holds the
 * notice fail. They carry no visible text, so a feed leaves them out.
 */
final class XmlText {

    private XmlText() {
    }

    static String of(String text) {
        if (text == null || text.codePoints().allMatch(Verifier::isXMLCharacter)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
