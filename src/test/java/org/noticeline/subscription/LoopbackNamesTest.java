package org.noticeline.subscription;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook URLs a sign-up checks against the address policy before accepting them: every spelling of a loopback
 * name, a fully qualified one's final dot included ({@code https://localhost./} was accepted where
 * {@code https://localhost/} was refused; its deliveries would have been refused at sending).
 */
class LoopbackNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost.", "LOCALHOST.", "a.localhost", "a.localhost.", "127.0.0.1", "127.0.0.1.", "[::1]"})
    void loopbackInEverySpelling(String host) {
        assertThat(SubscriptionService.isLoopbackName(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "localhost.example.org", "notlocalhost", "128.0.0.1"})
    void otherNamesAreLeftToDeliveryTime(String host) {
        assertThat(SubscriptionService.isLoopbackName(host)).isFalse();
    }
}
