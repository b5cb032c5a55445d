package org.noticeline.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.noticeline.notice.NoticeValidator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an entry's page: the {@code <main>} or {@code <article>} (else the body) without
 * navigation, headers, footers, scripts and styles, as paragraphs separated by blank lines, at most
 * {@link NoticeValidator#MAX_BODY} characters. A page that is not HTML or text (a PDF) gives no text.
 */
public record PageText(String title, String text) {

    private static final String DROPPED = "nav, header, footer, script, style, noscript, template, iframe, svg, form, button";
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    public static PageText of(byte[] body, String contentType, String url) {
        String type = contentType == null ? "text/html" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain")) {
            String plain = new String(body, charset(contentType).orElse(StandardCharsets.UTF_8));
            return new PageText(null, join(List.of(plain.split("\\R\\s*\\R"))));
        }
        if (!type.contains("html") && !type.contains("xml")) {
            return new PageText(null, "");
        }
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(body), charset(contentType).map(Charset::name).orElse(null), url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element main = page.selectFirst("main");
        if (main == null) {
            main = page.selectFirst("article");
        }
        if (main == null) {
            main = page.body();
        }
        main.select(DROPPED).remove();
        String title = page.title().isBlank() ? null : page.title().strip();
        return new PageText(title, join(paragraphs(main)));
    }

    private static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET.matcher(contentType);
        try {
            return m.find() ? Optional.of(Charset.forName(m.group(1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Each block element ends a paragraph; a {@code <br>} is a line break inside one. */
    private static List<String> paragraphs(Element root) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        current.append('\n');
                    } else if (element.isBlock()) {
                        flush(current, paragraphs);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
                    flush(current, paragraphs);
                }
            }
        }, root);
        flush(current, paragraphs);
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        List<String> lines = new ArrayList<>();
        for (String line : current.toString().split("\n")) {
            String clean = line.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        if (!lines.isEmpty()) {
            paragraphs.add(String.join("\n", lines));
        }
        current.setLength(0);
    }

    /** Paragraphs separated by blank lines, whole paragraphs only, up to the body limit. */
    private static String join(List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs) {
            String clean = paragraph.strip();
            if (clean.isEmpty()) {
                continue;
            }
            int separator = text.length() == 0 ? 0 : 2;
            if (text.length() + separator + clean.length() > NoticeValidator.MAX_BODY) {
                if (text.length() == 0) {
                    text.append(clean, 0, NoticeValidator.MAX_BODY);
                }
                break;
            }
            if (separator > 0) {
                text.append("\n\n");
            }
            text.append(clean);
        }
        return text.toString();
    }
}
