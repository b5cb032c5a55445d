package org.noticeline.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How deeply a Markdown body nests its blocks (quotes and lists), read from the line starts without parsing.
 * Renderers walk the block tree recursively, so a body of 100,000 {@code >} would overflow the stack of every
 * page that shows it; real notices nest a few levels at most.
 */
final class MarkdownNesting {

    /** One level: a quote marker, or a list marker followed by a space, with the indentation before it. */
    private static final Pattern LEVEL = Pattern.compile("\\G( *)(>|[-*+] |\\d{1,9}[.)] )");

    private MarkdownNesting() {
    }

    static int deepest(String markdown) {
        int deepest = 0;
        for (String line : markdown.split("\n", -1)) {
            int depth = 0;
            Matcher m = LEVEL.matcher(line);
            while (m.find()) {
                // Nested lists may be written by indentation alone: two spaces or more per level.
                depth += 1 + m.group(1).length() / 2;
            }
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }
}
