package org.noticeline.timeline;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to HTML that is safe to emit raw: commonmark renders (escaping raw HTML blocks), then the
 * OWASP sanitizer keeps only formatting, links and our own highlight spans.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "code", "pre", "hr", "mark")
                    .allowAttributes("class").matching(java.util.regex.Pattern.compile("cite cite-(rule|platform|unresolved)")).onElements("a", "mark")
                    .allowAttributes("title").onElements("a", "mark")
                    .toFactory());

    private MarkdownRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        String text = markdown == null ? "" : markdown;
        try {
            return POLICY.sanitize(RENDERER.render(PARSER.parse(text)));
        } catch (StackOverflowError e) {
            // Writes refuse bodies nested this deep; one stored before that rule is shown as the text it is.
            return "<pre>" + TimelineSvg.escape(text) + "</pre>";
        }
    }
}
