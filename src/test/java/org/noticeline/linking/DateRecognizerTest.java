package org.noticeline.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateRecognizerTest {

    private final DateRecognizer dates = new DateRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"12 August 2024", "August 12, 2024", "2024-08-12", "12th August 2024", "Aug. 12, 2024",
            "12 Aug 2024"})
    void normalisesWrittenDatesToIso(String written) {
        String text = "Decided on " + written + ".";
        assertThat(dates.find(text)).containsExactly(new DateMention("2024-08-12", written, 11, 11 + written.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "31 September 2024", "12 august 2024", "Article 12 2024", "12 May",
            "ref 12024-08-12", "2024-08-123"})
    void ignoresWhatIsNotAValidDate(String text) {
        assertThat(dates.find(text)).isEmpty();
    }

    @Test
    void findsEveryDateInOrder() {
        assertThat(dates.find("Opened 18 December 2023, findings on July 12, 2024 and a decision on 2025-12-05."))
                .extracting(DateMention::date).containsExactly("2023-12-18", "2024-07-12", "2025-12-05");
    }
}
