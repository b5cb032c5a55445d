package org.noticeline.ingest.feed;

import org.junit.jupiter.api.Test;
import org.noticeline.notice.NoticeValidator;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageTextTest {

    private static PageText html(String html) {
        return PageText.of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", "https://regulator.example/news/1");
    }

    @Test
    void mainIsPreferredAndNavigationScriptsAndStylesAreDropped() {
        PageText page = html("""
                <html><head><title>Fine for a forum | Regulator</title><style>p { color: red }</style></head>
                <body>
                  <header><a href="/">Regulator home</a></header>
                  <nav><ul><li>News</li><li>Contact</li></ul></nav>
                  <main>
                    <h1>Regulator fines a forum</h1>
                    <p>The regulator   fined
                       the forum <strong>£20,000</strong>.</p>
                    <script>track();</script>
                    <ul><li>First point</li><li>Second&nbsp;point</li></ul>
                    <p>Line one<br>Line two</p>
                  </main>
                  <footer>© Regulator</footer>
                </body></html>
                """);

        assertThat(page.title()).isEqualTo("Fine for a forum | Regulator");
        assertThat(page.text()).isEqualTo("""
                Regulator fines a forum

                The regulator fined the forum £20,000.

                First point

                Second point

                Line one
                Line two""");
    }

    @Test
    void articleIsUsedWithoutMainAndTheBodyWithoutEither() {
        assertThat(html("<body><div>Menu</div><article><p>Inside the article.</p></article></body>").text())
                .isEqualTo("Inside the article.");
        assertThat(html("<body><div>Only a div.</div><footer>Footer</footer><p>And a paragraph.</p></body>").text())
                .isEqualTo("Only a div.\n\nAnd a paragraph.");
    }

    @Test
    void theTextIsCappedAtTheBodyLimitOnAParagraphBoundary() {
        String paragraph = "word ".repeat(20_000).strip();
        PageText page = html("<main><p>" + paragraph + "</p><p>" + paragraph + "</p><p>" + paragraph + "</p></main>");

        assertThat(page.text().length()).isLessThanOrEqualTo(NoticeValidator.MAX_BODY);
        assertThat(page.text()).isEqualTo(paragraph + "\n\n" + paragraph);
    }

    @Test
    void plainTextKeepsItsParagraphsAndOtherTypesGiveNoText() {
        assertThat(PageText.of("First.\n\nSecond.\n".getBytes(StandardCharsets.UTF_8), "text/plain", "https://x.example/").text())
                .isEqualTo("First.\n\nSecond.");
        assertThat(PageText.of(new byte[] {'%', 'P', 'D', 'F'}, "application/pdf", "https://x.example/a.pdf").text()).isEmpty();
    }

    @Test
    void theDeclaredCharsetIsUsed() {
        byte[] latin1 = "<main><p>Cr\u00e9ation</p></main>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageText.of(latin1, "text/html; charset=ISO-8859-1", "https://x.example/").text()).isEqualTo("Cr\u00e9ation");
    }
}
