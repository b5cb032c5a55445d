package org.noticeline.timeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies are untrusted: nesting far beyond what writes accept (one stored before the rule) still renders, sanitized. */
class MarkdownRendererTest {

    @ParameterizedTest
    @ValueSource(strings = {">", "- ", "* ", "1. ", "[", "*", "_", "`", "<div>", "    "})
    void aBodyNestedTensOfThousandsDeepStillRendersSafely(String unit) {
        String body = unit.repeat(100_000 / unit.length()) + " text <script>alert(1)</script>";
        String html = MarkdownRenderer.toSafeHtml(body);
        assertThat(html).doesNotContain("<script>");
    }
}
