package org.noticeline.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text extracted from a PDF, a web page or a feed becomes a Markdown body that reads as the text did:
 * a line that happens to start like a heading, quote, list or rule ("1. The Commission", "# 3") is
 * escaped, and leading indentation (an accidental code block) dropped. Escaping of HTML stays the
 * renderer's and sanitizer's job; this is about faithful formatting.
 */
public final class PlainTextBody {

    /** Block markers at the start of a line, and the character to put a backslash before. */
    private static final Pattern BLOCK_START = Pattern.compile("^(?:(#{1,6})(?=\\s|$)|(>)|([-+*])(?=\\s)|\\d{1,9}([.)])(?=\\s|$)|([=_*-])(?:[=_*-]|\\s)*$)");

    private PlainTextBody() {
    }

    public static String toMarkdown(String text) {
        if (text == null) {
            return "";
        }
        return text.lines().map(PlainTextBody::line).collect(Collectors.joining("\n"));
    }

    private static String line(String raw) {
        String line = raw.stripLeading();
        Matcher m = BLOCK_START.matcher(line);
        if (!m.find()) {
            return line;
        }
        for (int group = 1; group <= m.groupCount(); group++) {
            if (m.group(group) != null) {
                int at = m.start(group);
                return line.substring(0, at) + "\\" + line.substring(at);
            }
        }
        return line;
    }
}
