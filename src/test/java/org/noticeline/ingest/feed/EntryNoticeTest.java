package org.noticeline.ingest.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeline.notice.NoticeContent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryNoticeTest {

    @Test
    void slugsAreTheDateAndTheTitleInKebabCase() {
        LocalDate date = LocalDate.of(2025, 4, 14);
        assertThat(EntryNotice.slug(date, "Ofcom fines 4chan £20,000 — Online Safety Act")).isEqualTo("2025-04-14-ofcom-fines-4chan-20-000-online-safety-act");
        assertThat(EntryNotice.slug(date, "Décision de la CNIL")).isEqualTo("2025-04-14-decision-de-la-cnil");
        assertThat(EntryNotice.slug(date, "…")).isEqualTo("2025-04-14-entry");
        assertThat(EntryNotice.slug(date, "word ".repeat(60))).hasSizeLessThanOrEqualTo(120).doesNotEndWith("-");
        assertThat(EntryNotice.slugWithHash("2025-04-14-a", "src", "id-1")).matches("2025-04-14-a-[0-9a-f]{8}")
                .isNotEqualTo(EntryNotice.slugWithHash("2025-04-14-a", "src", "id-2"));
    }

    @Test
    void theNoticeTakesFeedFieldsThePageTextAndTheSourcesAuthority() {
        FeedEntry entry = new FeedEntry("urn:1", "Regulator fines a forum", "https://regulator.example/1",
                Instant.parse("2025-04-14T23:30:00Z"), "s".repeat(400), null);
        NoticeContent content = EntryNotice.content("2025-04-14-regulator-fines-a-forum", "ofcom", "UK", null, entry,
                new PageText("Page title", "Body."), EntryNotice.date(entry, LocalDate.of(2030, 1, 1)));

        assertThat(content.date()).isEqualTo("2025-04-14");
        assertThat(content.type()).isEqualTo("press-release");
        assertThat(content.sources()).containsExactly("https://regulator.example/1");
        assertThat(content.summary()).hasSize(300).endsWith("…");
        assertThat(content.body()).isEqualTo("Body.");
        assertThat(content.platforms()).isEmpty();
        assertThat(content.rules()).isEmpty();
        assertThat(content.language()).isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "1h, PT1H", "45s, PT45S", "1d, PT24H", "PT2H, PT2H", "pt15m, PT15M", "P1D, PT24H"})
    void intervalsAreShortOrIso(String text, String expected) {
        assertThat(FeedSourceSpec.parseInterval(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void aBadIntervalSaysWhatIsExpected() {
        assertThatThrownBy(() -> FeedSourceSpec.parseInterval("hourly")).hasMessageContaining("30m, 1h or PT30M");
    }
}
