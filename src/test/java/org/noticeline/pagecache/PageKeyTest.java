package org.noticeline.pagecache;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PageKeyTest {

    private static Optional<PageKey> key(String path, String query) {
        return PageKey.of(path, query, "text/html", "gzip, deflate", () -> 7);
    }

    @Test
    void listsAreOneKeyHoweverTheyAreSpelled() {
        assertThat(key("/api/notices", "platform=x,tiktok")).isEqualTo(key("/api/notices", "platform=tiktok&platform=x"))
                .isEqualTo(key("/api/notices", "platform=tiktok,%20x,x&platform=")).isPresent();
        assertThat(key("/api/notices", "platform=x&type=fine")).isEqualTo(key("/api/notices", "type=fine&platform=x"));
    }

    @Test
    void parametersNobodyReadsAreLeftOut() {
        assertThat(key("/platforms/x", "utm_source=newsletter&fbclid=abc")).isEqualTo(key("/platforms/x", null));
        assertThat(key("/platforms/x", "limit=10")).isNotEqualTo(key("/platforms/x", null));
    }

    @Test
    void singleValuesKeepTheirOrderSoThatARepeatIsStillRefused() {
        assertThat(key("/api/notices", "from=2024-01-01&from=2023-01-01")).isNotEqualTo(key("/api/notices", "from=2023-01-01&from=2024-01-01"));
    }

    @Test
    void exportsPositionsAndStreamsAreNeverKeys() {
        assertThat(key("/api/notices", "format=csv")).isEmpty();
        assertThat(key("/api/notices", "asOf=3")).isEmpty();
        assertThat(key("/q/health/ready", null)).isEmpty();
        assertThat(key("/admin/review", null)).isEmpty();
        assertThat(key("/api/changes", "since=0")).as("the change log, which its followers want as it is now").isEmpty();
        assertThat(key("/api/notices", "q=%zz")).as("a query string that does not decode").isEmpty();
        assertThat(key("/api/notices", "q=" + "a".repeat(PageKey.MAX_LENGTH))).isEmpty();
    }

    @Test
    void acceptAndEncodingArePartOfTheKey() {
        PageKey html = PageKey.of("/api/notices", null, "text/html", null, () -> 0).orElseThrow();
        PageKey json = PageKey.of("/api/notices", null, "Application/JSON", null, () -> 0).orElseThrow();
        assertThat(html.id()).isNotEqualTo(json.id());
        assertThat(PageKey.of("/api/notices", null, "application/json", null, () -> 0)).contains(json);
        assertThat(html.gzip()).isFalse();
        assertThat(html.inEncoding(true).id()).isNotEqualTo(html.id());
    }

    @Test
    void gzipIsTakenUnlessRefused() {
        assertThat(PageKey.takesGzip("gzip, deflate, br")).isTrue();
        assertThat(PageKey.takesGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(PageKey.takesGzip("gzip;q=0")).isFalse();
        assertThat(PageKey.takesGzip("gzip; q=0.000")).isFalse();
        assertThat(PageKey.takesGzip("identity")).isFalse();
        assertThat(PageKey.takesGzip(null)).isFalse();
    }

    @Test
    void answersFromTheSearchIndexAreKeyedByItsPosition() {
        assertThat(PageKey.of("/search", "q=age", null, null, () -> 1)).isNotEqualTo(PageKey.of("/search", "q=age", null, null, () -> 2));
        assertThat(PageKey.of("/feeds/notices.atom", "q=age", null, null, () -> 1))
                .isNotEqualTo(PageKey.of("/feeds/notices.atom", "q=age", null, null, () -> 2));
        assertThat(PageKey.of("/platforms/x", null, null, null, () -> 1)).isEqualTo(PageKey.of("/platforms/x", null, null, null, () -> 2));
    }
}
