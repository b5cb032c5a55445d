package org.noticeline.security.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8:ffff::/48", "192.0.2.7"));

    @Test
    void aDirectClientIsItsConnectingAddressWhateverItClaims() {
        assertThat(behindProxies.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("ip:203.0.113.9");
        assertThat(new ClientAddresses(List.of()).clientOf("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("ip:10.1.2.3");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightmostUntrustedHop() {
        // The client sent a made-up 1.1.1.1; our proxies appended what connected to them.
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("1.1.1.1, 198.51.100.20, 10.9.9.9"))).isEqualTo("ip:198.51.100.20");
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("1.1.1.1", "198.51.100.20", "192.0.2.7"))).isEqualTo("ip:198.51.100.20");
    }

    @Test
    void onlyTrustedHopsMeansTheLeftmostOfThem() {
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("10.3.3.3, 10.2.2.2"))).isEqualTo("ip:10.3.3.3");
        assertThat(behindProxies.clientOf("10.0.0.5", List.of())).isEqualTo("ip:10.0.0.5");
    }

    @Test
    void garbageStopsTheWalkAtTheLastAddressAProxyVouchedFor() {
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("evil.example, 10.2.2.2"))).isEqualTo("ip:10.2.2.2");
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("unknown"))).isEqualTo("ip:10.0.0.5");
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("999.1.1.1"))).isEqualTo("ip:10.0.0.5");
        assertThat(behindProxies.clientOf(null, List.of())).isEqualTo("unknown");
    }

    @Test
    void portsAndBracketsAreUnderstood() {
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("198.51.100.20:4711"))).isEqualTo("ip:198.51.100.20");
        assertThat(behindProxies.clientOf("10.0.0.5", List.of("[2001:db8:1:2::9]:443"))).isEqualTo("ip6:20010db800010002/64");
    }

    @Test
    void ipv6ClientsAreGroupedBy64() {
        String a = behindProxies.clientOf("2001:db8:1:2::1", List.of());
        String b = behindProxies.clientOf("2001:db8:1:2:ffff:ffff:ffff:ffff", List.of());
        String c = behindProxies.clientOf("2001:db8:1:3::1", List.of());
        assertThat(a).isEqualTo(b).isEqualTo("ip6:20010db800010002/64");
        assertThat(c).isNotEqualTo(a);
        // An IPv4-mapped address is the IPv4 client it maps.
        assertThat(behindProxies.clientOf("::ffff:198.51.100.3", List.of())).isEqualTo("ip:198.51.100.3");
        // A trusted IPv6 proxy passes its client on.
        assertThat(behindProxies.clientOf("2001:db8:ffff:1::2", List.of("2001:db8:5:6::7"))).isEqualTo("ip6:20010db800050006/64");
    }

    @Test
    void trustedProxiesMustBeAddressLiterals() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
