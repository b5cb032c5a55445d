package org.noticeline.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetTest {

    private static final String TAG = "\"abc\"";
    private static final Instant CHANGED = Instant.parse("2025-04-14T10:15:30.750Z");

    @Test
    void aMatchingTagIsNotModifiedAlsoWeakenedOrAmongOthersOrAStar() {
        assertThat(ConditionalGet.notModified(TAG, null, TAG, CHANGED)).isTrue();
        assertThat(ConditionalGet.notModified("W/\"abc\"", null, TAG, CHANGED)).isTrue();
        assertThat(ConditionalGet.notModified("\"x\", \"abc\"", null, TAG, CHANGED)).isTrue();
        assertThat(ConditionalGet.notModified("*", null, TAG, CHANGED)).isTrue();
        assertThat(ConditionalGet.notModified("\"abd\"", null, TAG, CHANGED)).isFalse();
    }

    @Test
    void ifNoneMatchDecidesWhenSentWhateverTheDateSays() {
        assertThat(ConditionalGet.notModified("\"old\"", "Mon, 14 Apr 2025 10:15:30 GMT", TAG, CHANGED)).isFalse();
    }

    @Test
    void aDateIsComparedInWholeSecondsAndABadOneIgnored() {
        assertThat(ConditionalGet.notModified(null, "Mon, 14 Apr 2025 10:15:30 GMT", TAG, CHANGED)).isTrue();
        assertThat(ConditionalGet.notModified(null, "Mon, 14 Apr 2025 11:00:00 GMT", TAG, CHANGED)).isTrue();
        assertThat(ConditionalGet.notModified(null, "Mon, 14 Apr 2025 10:15:29 GMT", TAG, CHANGED)).isFalse();
        assertThat(ConditionalGet.notModified(null, "yesterday", TAG, CHANGED)).isFalse();
        assertThat(ConditionalGet.notModified(null, null, TAG, CHANGED)).isFalse();
        assertThat(ConditionalGet.notModified("", " ", TAG, CHANGED)).isFalse();
    }

    @Test
    void withoutALastModifiedOnlyTheTagDecides() {
        assertThat(ConditionalGet.notModified(null, "Mon, 14 Apr 2025 11:00:00 GMT", TAG, null)).isFalse();
        assertThat(ConditionalGet.notModified("W/\"abc\"", "Mon, 14 Apr 2025 11:00:00 GMT", TAG, null)).isTrue();
    }
}
