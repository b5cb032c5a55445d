package org.noticeline.notice.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * BibTeX: one {@code @misc} entry per notice keyed by its slug, the authority as a corporate author in double braces
 * (so it is not split into first and last names), text fields with BibTeX's special characters escaped, and a leading
 * {@code @comment} naming the change-log position.
 */
final class BibtexExport implements ExportWriter {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private final Writer out;
    private ExportHead head;

    BibtexExport(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(ExportHead head) throws IOException {
        this.head = head;
        out.write("@comment{Noticeline export as of change " + head.seq() + ", made " + head.madeAt() + "}\n\n");
    }

    @Override
    public void write(ExportedNotice n) throws IOException {
        out.write("@misc{" + n.slug() + ",\n");
        field("author", "{" + escape(n.authorityName()) + "}");
        field("title", "{" + escape(n.title()) + "}");
        field("year", String.valueOf(n.date().getYear()));
        out.write("  month = " + MONTHS[n.date().getMonthValue() - 1] + ",\n");
        field("date", n.date().toString());
        field("howpublished", escape(n.type()));
        field("url", url(n.url()));
        field("note", "Noticeline record, revision " + n.revision() + ", as of change " + head.seq());
        out.write("}\n\n");
    }

    private void field(String name, String braced) throws IOException {
        out.write("  " + name + " = {" + braced + "},\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    /** Braces and the characters TeX treats as commands, escaped so that any title survives BibTeX and LaTeX. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\textbackslash{}");
                // BibTeX counts braces even after a backslash: these keep every field balanced.
                case '{' -> escaped.append("\\textbraceleft{}");
                case '}' -> escaped.append("\\textbraceright{}");
                case '%', '&', '$', '#', '_' -> escaped.append('\\').append(c);
                case '^' -> escaped.append("\\^{}");
                case '~' -> escaped.append("\\~{}");
                case '\n', '\r', '\t' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The url field is verbatim: only unbalanced braces and spaces could end it early. */
    private static String url(String url) {
        return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
    }
}
