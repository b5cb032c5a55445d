package org.noticeline.syndication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedItemTest {

    @Test
    void anExcerptIsTheBodysTextWithoutItsMarkup() {
        assertThat(FeedItem.excerpt("# Letter\n\nOfcom wrote to **4chan** <script>alert(1)</script><b>today</b>.\n\n- one\n- two"))
                .isEqualTo("Letter Ofcom wrote to 4chan today. one two");
        assertThat(FeedItem.excerpt(null)).isEmpty();
        assertThat(FeedItem.excerpt(" ")).isEmpty();
    }

    @Test
    void aLongBodyIsCutAtAWord() {
        String excerpt = FeedItem.excerpt("word ".repeat(200));
        assertThat(excerpt).endsWith("word …").hasSizeLessThanOrEqualTo(FeedItem.EXCERPT + 2);
    }

    @Test
    void textKeepsWhatXmlCanCarryAndLeavesOutTheRest() {
        assertThat(XmlText.of("tab\tnew line\n emoji \uD83D\uDE00 RTL \u202E bidi")).isEqualTo("tab\tnew line\n emoji \uD83D\uDE00 RTL \u202E bidi");
        assertThat(XmlText.of("a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h")).isEqualTo("abcdefgh");
        assertThat(XmlText.of(null)).isNull();
    }
}
