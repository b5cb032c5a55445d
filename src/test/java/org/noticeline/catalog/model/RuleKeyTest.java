package org.noticeline.catalog.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleKeyTest {

    @Test
    void readingOrderCountsProvisionsAsNumbersWithTheirLetterAfter() {
        List<String> sorted = Stream.of("DSA:40", "AVMSD:28b", "DSA:9", "AVMSD:28", "DSA:100", "AVMSD:3")
                .map(k -> RuleKey.parse(k).orElseThrow()).sorted(RuleKey.READING_ORDER).map(RuleKey::toString).toList();

        assertThat(sorted).containsExactly("AVMSD:3", "AVMSD:28", "AVMSD:28b", "DSA:9", "DSA:40", "DSA:100");
    }

    @Test
    void aProvisionWithoutANumberComesAfterTheNumberedOnes() {
        List<RuleKey> sorted = Stream.of(new RuleKey("GDPR", "recital"), new RuleKey("GDPR", "999999999"))
                .sorted(RuleKey.READING_ORDER).toList();

        assertThat(sorted).extracting(RuleKey::provision).containsExactly("999999999", "recital");
    }
}
