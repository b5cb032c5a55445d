package org.noticeline.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address policy on IP literals only: no lookup, no connection, no network needed. */
class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback",
            "127.8.9.10, loopback",
            "10.0.0.1, private",
            "172.16.5.4, private",
            "192.168.1.1, private",
            "169.254.1.1, link-local",
            "169.254.169.254, link-local",
            "0.0.0.0, wildcard",
            "0.1.2.3, this-network",
            "100.64.0.1, shared",
            "224.0.0.1, multicast",
            "255.255.255.255, reserved",
            "::1, loopback",
            "::, wildcard",
            "fc00::1, unique-local",
            "fd12:3456::1, unique-local",
            "fe80::1, link-local",
            "ff02::1, multicast",
            "::ffff:127.0.0.1, loopback",
            "::10.0.0.1, private",
            "64:ff9b::a00:1, private",
            "2002:a00:1::, private",
    })
    void nonPublicAddressesAreRefusedAndSayWhatTheyAre(String literal, String kind) throws Exception {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressPolicy.isPublic(address)).isFalse();
        assertThat(AddressPolicy.nonPublicKind(address)).hasValueSatisfying(k -> assertThat(k).contains(kind));
        assertThatThrownBy(() -> new AddressPolicy(false).check(literal))
                .isInstanceOf(OutboundException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining(kind)
                .hasMessageContaining("noticeline.outbound.allow-private-addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isTrue();
        assertThat(new AddressPolicy(false).check(literal)).extracting(InetAddress::getHostAddress).hasSize(1);
    }

    @Test
    void bracketedIpv6HostsAsInUrlsAreJudgedToo() {
        assertThatThrownBy(() -> new AddressPolicy(false).check("[::1]")).hasMessageContaining("loopback");
    }

    @Test
    void theSettingAllowsPrivateAddresses() throws Exception {
        assertThat(new AddressPolicy(true).check("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(new AddressPolicy(true).check("10.0.0.1")).containsExactly(InetAddress.getByName("10.0.0.1"));
    }

    @Test
    void aUrlWithoutHostIsRefused() {
        assertThatThrownBy(() -> new AddressPolicy(true).check(null)).isInstanceOf(OutboundException.class).hasMessageContaining("no host");
    }
}
