package org.noticeline.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Platforms, providers and authorities by name and alias, and the words that only look like them. */
class NameRecognitionTest {

    private static Extraction extract(String text) {
        Extraction extraction = RealCatalog.LINKER.extract(text);
        Stream.of(extraction.platforms(), extraction.providers(), extraction.authorities()).flatMap(List::stream)
                .forEach(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
        return extraction;
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "X (formerly Twitter)", "X Corp.", "Twitter", "Twitter International Unlimited Company",
            "Twitter, Inc.", "X/Twitter"})
    void readsEveryNameOfXAsTheOnePlatform(String name) {
        String text = "The Commission wrote to " + name + " on Monday.";
        assertThat(extract(text).platforms())
                .containsExactly(new PlatformMention("x", "X", name, 24, 24 + name.length()));
        assertThat(extract(text).providers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Article X of the guidelines", "a provider in Member State X", "listed in Annex X",
            "an X-ray scanner", "providers X and Y", "Chapter X applies"})
    void doesNotReadAPlaceholderOrNumeralAsX(String text) {
        assertThat(extract(text).platforms()).isEmpty();
    }

    @Test
    void doesNotReadARomanNumeralHeadingAsX() {
        String text = "IX. Findings\nX. Conclusion\nThe decision concerns X.";
        assertThat(extract(text).platforms()).extracting(PlatformMention::start).containsExactly(text.lastIndexOf('X'));
    }

    @Test
    void matchesCapitalisedNamesAsWrittenAndNotCommonWords() {
        Extraction extraction = extract("Threads of discussion aside, threads, booking and a snapshot are words; "
                + "Threads, Booking.com and Snapchat are platforms, and a meta-analysis is not Meta.");
        assertThat(extraction.platforms()).extracting(PlatformMention::id, PlatformMention::text).containsExactly(
                tuple("threads", "Threads"), tuple("threads", "Threads"), tuple("booking-com", "Booking.com"),
                tuple("snapchat", "Snapchat"));
        assertThat(extraction.providers()).extracting(ProviderMention::text).containsExactly("Meta");
    }

    @Test
    void needsTheWholeNameOfAmazonStore() {
        Extraction extraction = extract("Products from the Amazon basin were sold on Amazon Store.");
        assertThat(extraction.platforms()).extracting(PlatformMention::id, PlatformMention::text)
                .containsExactly(tuple("amazon-store", "Amazon Store"));
    }

    @Test
    void readsACompanyNameAloneAsItsProviderNotItsPlatforms() {
        Extraction extraction = extract("Meta and Alphabet were designated as gatekeepers.");
        assertThat(extraction.platforms()).isEmpty();
        assertThat(extraction.providers()).containsExactly(
                new ProviderMention("meta", "Meta Platforms", "Meta", 0, 4),
                new ProviderMention("alphabet", "Alphabet", "Alphabet", 9, 17));
    }

    @Test
    void prefersTheLongestName() {
        assertThat(extract("Meta Platforms Ireland Limited runs Facebook Messenger and Google Play Store.").platforms())
                .extracting(PlatformMention::id).containsExactly("messenger", "google-play");
    }

    @Test
    void readsNamesAcrossLineBreaksAndNonBreakingSpaces() {
        assertThat(extract("the sale on Amazon\nStore and on Google\u00A0Play").platforms())
                .extracting(PlatformMention::id, PlatformMention::text)
                .containsExactly(tuple("amazon-store", "Amazon\nStore"), tuple("google-play", "Google\u00A0Play"));
    }

    @Test
    void readsAuthoritiesByNameAndAlias() {
        assertThat(extract("The European Commission, Ofcom, the FTC, the Irish DPC, CNIL, the eSafety Commissioner "
                + "and the Federal Office of Justice").authorities())
                .extracting(AuthorityMention::id)
                .containsExactly("european-commission", "ofcom", "ftc", "irish-dpc", "cnil", "esafety", "bfj");
    }

    @Test
    void readsANameOpeningWithTheAtTheStartOfASentence() {
        assertThat(extract("The Commission fined X. Then the Commission closed the case.").authorities())
                .extracting(AuthorityMention::id, AuthorityMention::text)
                .containsExactly(tuple("european-commission", "The Commission"), tuple("european-commission", "the Commission"));
    }
}
