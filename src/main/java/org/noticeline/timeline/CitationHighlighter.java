package org.noticeline.timeline;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.InstrumentSpec;
import org.noticeline.linking.Extraction;
import org.noticeline.linking.LinkerProvider;
import org.noticeline.linking.LinkingContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Highlights citations and platform mentions in a notice body that is already sanitized HTML: the
 * engine reads the text of the whole body (so "Articles 34(1) and 35(1) of the DSA" resolves even
 * across formatting), and each mention becomes a link to its rule or platform page. The result is
 * sanitized again, so nothing the highlighting adds can widen what the page may contain.
 */
public final class CitationHighlighter {

    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "br");
    private static final Set<String> SKIP = Set.of("a", "code", "pre");

    /** One thing to wrap: a span of the body's text and the element that wraps it. */
    private record Highlight(int start, int end, String tag, String href, String cssClass, String title) {
    }

    /** A text node and where its text starts in the body's text. */
    private record Piece(TextNode node, int start) {
    }

    private CitationHighlighter() {
    }

    public static String highlight(String safeHtml, LinkerProvider.Built linking) {
        return highlight(safeHtml, linking, LinkingContext.NONE);
    }

    /** As {@link #highlight(String, LinkerProvider.Built)}, reading the text as a document of {@code context}. */
    public static String highlight(String safeHtml, LinkerProvider.Built linking, LinkingContext context) {
        Document document = Jsoup.parseBodyFragment(safeHtml);
        StringBuilder text = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName()) && text.length() > 0) {
                    text.append('\n');
                } else if (node instanceof TextNode textNode && !insideSkipped(textNode)) {
                    pieces.add(new Piece(textNode, text.length()));
                    text.append(textNode.getWholeText());
                }
            }
        });
        List<Highlight> highlights = highlights(linking.linker().extract(text.toString(), context), linking.catalog());
        for (Piece piece : pieces) {
            wrap(piece, highlights);
        }
        return MarkdownRenderer.POLICY.sanitize(document.body().html());
    }

    private static List<Highlight> highlights(Extraction found, Catalog catalog) {
        List<Highlight> all = new ArrayList<>();
        found.rules().stream().filter(r -> catalog.hasRule(r.key())).forEach(r -> {
            String heading = catalog.instrument(r.instrument()).flatMap(i -> i.provision(r.article())).map(p -> p.heading()).orElse(null);
            String unit = catalog.instrument(r.instrument()).map(InstrumentSpec::unit).orElse("article");
            all.add(new Highlight(r.start(), r.end(), "a", "/rules/" + r.instrument() + "/" + r.article(), "cite cite-rule",
                    Formats.provisionLabel(unit, r.article()) + " " + r.instrument() + (heading == null ? "" : ": " + heading)));
        });
        found.platforms().forEach(p -> all.add(new Highlight(p.start(), p.end(), "a", "/platforms/" + p.id(), "cite cite-platform", p.name())));
        found.unresolved().forEach(u -> all.add(new Highlight(u.start(), u.end(), "mark", null, "cite cite-unresolved", "Unresolved: " + u.reason())));
        all.sort(Comparator.comparingInt(Highlight::start).thenComparing(h -> -h.end()));
        List<Highlight> disjoint = new ArrayList<>();
        int reached = -1;
        for (Highlight h : all) {
            if (h.start() >= reached) {
                disjoint.add(h);
                reached = h.end();
            }
        }
        return disjoint;
    }

    /** Replaces a text node by its text with the parts inside highlights wrapped; a mention across nodes is wrapped piece by piece. */
    private static void wrap(Piece piece, List<Highlight> highlights) {
        String content = piece.node().getWholeText();
        int from = piece.start();
        int to = from + content.length();
        List<Node> replacement = new ArrayList<>();
        int cursor = 0;
        for (Highlight h : highlights) {
            if (h.end() <= from || h.start() >= to) {
                continue;
            }
            int start = Math.max(h.start(), from) - from;
            int end = Math.min(h.end(), to) - from;
            if (start > cursor) {
                replacement.add(new TextNode(content.substring(cursor, start)));
            }
            Element element = new Element(h.tag()).addClass(h.cssClass().split(" ")[0]).addClass(h.cssClass().split(" ")[1])
                    .attr("title", h.title()).text(content.substring(start, end));
            if (h.href() != null) {
                element.attr("href", h.href());
            }
            replacement.add(element);
            cursor = end;
        }
        if (replacement.isEmpty()) {
            return;
        }
        if (cursor < content.length()) {
            replacement.add(new TextNode(content.substring(cursor)));
        }
        for (Node node : replacement) {
            piece.node().before(node);
        }
        piece.node().remove();
    }

    private static boolean insideSkipped(TextNode node) {
        for (Element parent = node.parent(); parent != null; parent = parent.parent()) {
            if (SKIP.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }
}
