package org.noticeline.notice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeline.timeline.MarkdownRenderer;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextBodyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "# 3 of the decision            | \\# 3 of the decision",
            "1. The Commission considers    | 1\\. The Commission considers",
            "12) Having regard              | 12\\) Having regard",
            "> quoted                       | \\> quoted",
            "- a dash list                  | \\- a dash list",
            "* starred                      | \\* starred",
            "=====                          | \\=====",
            "    indented like code         | indented like code",
            "Article 34(1) DSA, 2. and more | Article 34(1) DSA, 2. and more",
            "-5 degrees                     | -5 degrees",
            "2023 was a year                | 2023 was a year"
    })
    void escapesOnlyWhatMarkdownWouldReadAsBlocks(String text, String markdown) {
        assertThat(PlainTextBody.toMarkdown(text)).isEqualTo(markdown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1. The Commission considers | <p>1. The Commission considers</p>",
            "# 3 of the decision         | <p># 3 of the decision</p>",
            "- a dash                    | <p>- a dash</p>"
    })
    void renderedTextReadsAsWritten(String text, String html) {
        assertThat(MarkdownRenderer.toSafeHtml(PlainTextBody.toMarkdown(text)).strip()).isEqualTo(html);
    }
}
