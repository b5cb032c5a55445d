package org.noticeline.timeline;

import org.noticeline.notice.NoticeValidator;

import java.util.List;

/**
 * How long {@link MarkdownRenderer#toSafeHtml} takes on pathological bodies at the body limit: runs of the characters
 * that make a Markdown parser look ahead for a construct that never closes ({@code <}, {@code [x](}, emphasis and code
 * markers, headings, tables). Each is rendered at a quarter, half and the whole of {@link NoticeValidator#MAX_BODY}, so
 * the figures show how the time grows, not only how large it is (a body of 100,000 {@code <} took 12 s with
 * commonmark 0.24.0). Run from the project directory:
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.noticeline.timeline.HostileMarkdownBenchmark -Dexec.classpathScope=test}
 */
public final class HostileMarkdownBenchmark {

    private static final List<String> UNITS = List.of("<", "</", "<a:", "<!--", "[x](", "[", "![", "*", "_a", "`", "# ", "|a", "> ");

    private HostileMarkdownBenchmark() {
    }

    public static void main(String[] args) {
        // The JIT compiles the parser on ordinary text first, so the first hostile input is not also the cold start.
        for (int i = 0; i < 200; i++) {
            MarkdownRenderer.toSafeHtml("A notice with *emphasis*, a [link](https://example.org) and `code`. ".repeat(50));
        }
        System.out.println("| input | " + NoticeValidator.MAX_BODY / 4 + " chars ms | " + NoticeValidator.MAX_BODY / 2 + " chars ms | "
                + NoticeValidator.MAX_BODY + " chars ms |");
        System.out.println("|---|---|---|---|");
        for (String unit : UNITS) {
            StringBuilder row = new StringBuilder("| `` " + unit.replace("|", "\\|") + " `` repeated |");
            for (int size : new int[]{NoticeValidator.MAX_BODY / 4, NoticeValidator.MAX_BODY / 2, NoticeValidator.MAX_BODY}) {
                String body = unit.repeat(size / unit.length());
                long started = System.nanoTime();
                MarkdownRenderer.toSafeHtml(body);
                row.append(' ').append((System.nanoTime() - started) / 1_000_000).append(" |");
            }
            System.out.println(row);
        }
    }
}
