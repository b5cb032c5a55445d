package org.noticeline.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address policy on IP literals and made-up names only: no lookup, no connection, no network needed. */
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

    /** A representative address of every block in the IANA special-purpose registries, and of what lies outside 2000::/3. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0          | wildcard (0.0.0.0/32)",
            "0.255.255.255    | this-network (0.0.0.0/8)",
            "10.255.0.1       | private (10.0.0.0/8)",
            "100.64.0.1       | shared (100.64.0.0/10)",
            "100.127.255.254  | shared (100.64.0.0/10)",
            "127.0.0.1        | loopback (127.0.0.0/8)",
            "127.255.255.254  | loopback (127.0.0.0/8)",
            "169.254.169.254  | link-local (169.254.0.0/16)",
            "172.16.0.1       | private (172.16.0.0/12)",
            "172.31.255.254   | private (172.16.0.0/12)",
            "192.0.0.8        | IETF protocol assignments (192.0.0.0/24)",
            "192.0.0.9        | IETF protocol assignments (192.0.0.0/24)",
            "192.0.2.1        | documentation (192.0.2.0/24)",
            "192.31.196.1     | AS112 (192.31.196.0/24)",
            "192.52.193.1     | AMT (192.52.193.0/24)",
            "192.88.99.1      | 6to4 relay anycast (192.88.99.0/24)",
            "192.168.255.254  | private (192.168.0.0/16)",
            "192.175.48.1     | AS112 direct delegation (192.175.48.0/24)",
            "198.18.0.1       | benchmarking (198.18.0.0/15)",
            "198.19.255.254   | benchmarking (198.18.0.0/15)",
            "198.51.100.1     | documentation (198.51.100.0/24)",
            "203.0.113.1      | documentation (203.0.113.0/24)",
            "224.0.0.1        | multicast (224.0.0.0/4)",
            "239.255.255.250  | multicast (224.0.0.0/4)",
            "240.0.0.1        | reserved (240.0.0.0/4)",
            "255.255.255.254  | reserved (240.0.0.0/4)",
            "255.255.255.255  | reserved broadcast (255.255.255.255/32)",
            ":: | wildcard (::/128)",
            "::1 | loopback (::1/128)",
            "::808:808 | deprecated IPv4-compatible (::/96)",
            "::a00:1 | private (10.0.0.0/8, embedded in deprecated IPv4-compatible ::/96)",
            "64:ff9b::808:808 | NAT64 (64:ff9b::/96)",
            "64:ff9b::7f00:1 | loopback (127.0.0.0/8, embedded in NAT64 64:ff9b::/96)",
            "64:ff9b::a9fe:a9fe | link-local (169.254.0.0/16, embedded in NAT64 64:ff9b::/96)",
            "64:ff9b:1::1 | local-use NAT64 (64:ff9b:1::/48)",
            "100::1 | discard-only (100::/64)",
            "2001::1 | Teredo (2001::/32)",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo (2001::/32)",
            "2001:1::1 | IETF protocol assignments (2001::/23)",
            "2001:2::1 | benchmarking (2001:2::/48)",
            "2001:10::1 | deprecated ORCHID (2001:10::/28)",
            "2001:20::1 | ORCHIDv2 (2001:20::/28)",
            "2001:30::1 | IETF protocol assignments (2001::/23)",
            "2001:1ff:ffff::1 | IETF protocol assignments (2001::/23)",
            "2001:db8::1 | documentation (2001:db8::/32)",
            "2002:808:808::1 | 6to4 (2002::/16)",
            "2002:a00:1::1 | private (10.0.0.0/8, embedded in 6to4 2002::/16)",
            "2002:7f00:1::1 | loopback (127.0.0.0/8, embedded in 6to4 2002::/16)",
            "3fff::1 | documentation (3fff::/20)",
            "3fff:fff::1 | documentation (3fff::/20)",
            "5f00::1 | segment-routing SRv6 (5f00::/16)",
            "fc00::1 | unique-local (fc00::/7)",
            "fdff::1 | unique-local (fc00::/7)",
            "fe80::1 | link-local (fe80::/10)",
            "febf::1 | link-local (fe80::/10)",
            "fec0::1 | deprecated site-local (fec0::/10)",
            "ff02::1 | multicast (ff00::/8)",
            "ff0e::1 | multicast (ff00::/8)",
            "1::1 | IETF-reserved (::/3)",
            "4000::1 | IETF-reserved (4000::/2)",
            "8000::1 | IETF-reserved (8000::/1)",
            "fe00::1 | IETF-reserved (8000::/1)",
    })
    void everySpecialPurposeBlockIsRefusedByName(String literal, String kind) throws Exception {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressPolicy.isPublic(address)).isFalse();
        assertThat(AddressPolicy.nonPublicKind(address)).hasValue(kind);
        assertThatThrownBy(() -> new AddressPolicy(false).check(literal))
                .isInstanceOf(OutboundException.class)
                .hasMessageStartingWith("refused: host '" + literal + "' resolves to " + address.getHostAddress() + ", a")
                .hasMessageContaining(kind.substring(0, kind.indexOf(" (")) + " address (" + kind.substring(kind.indexOf(" (") + 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "9.9.9.9", "1.0.0.1", "100.63.255.255", "172.15.255.255", "172.32.0.1", "192.0.1.1",
            "192.88.98.1", "192.167.255.255", "198.17.255.255", "198.20.0.1", "223.255.255.254",
            "2606:4700::1111", "2606:4700:4700::1001", "2001:200::1", "2003::1", "2a00:1450:4001::1"})
    void globallyReachableAddressesPass(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressPolicy.nonPublicKind(address)).isEmpty();
        assertThat(new AddressPolicy(false).check(literal)).containsExactly(address);
    }

    @Test
    void anIpv4MappedAddressIsJudgedByTheAddressInsideOrRefused() throws Exception {
        // Java's own parser turns ::ffff:a.b.c.d into a.b.c.d; an Inet6Address can still carry one.
        InetAddress mappedPrivate = Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}, -1);
        InetAddress mappedPublic = Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 8, 8, 8, 8}, -1);

        assertThat(AddressPolicy.nonPublicKind(mappedPrivate)).hasValue("private (10.0.0.0/8, embedded in IPv4-mapped ::ffff:0:0/96)");
        assertThat(AddressPolicy.nonPublicKind(mappedPublic)).hasValue("IPv4-mapped (::ffff:0:0/96)");
        assertThat(AddressPolicy.nonPublicKind(InetAddress.getByName("::ffff:127.0.0.1"))).hasValue("loopback (127.0.0.0/8)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "0x7f.1", "0x7F.0.0.1", "2130706433", "0x7f000001", "017700000001", "127.1", "127.0.1",
            "127.000.000.001", "010.0.0.1", "127.0.0.1.", "1.2.3.4.5", "256.0.0.1", "0.0.0.0x7f", "0x", "example.123"})
    void legacyNumericHostsAreRefusedBeforeAnyLookup(String host) {
        List<String> lookups = new CopyOnWriteArrayList<>();
        AddressPolicy allowingAll = new AddressPolicy(address -> true, name -> {
            lookups.add(name);
            throw new UnknownHostException("no lookup expected: " + name);
        });

        assertThatThrownBy(() -> allowingAll.check(host))
                .isInstanceOf(OutboundException.class)
                .hasMessageStartingWith("refused: host '" + host + "' ends in a number but is not an IPv4 address written a.b.c.d in decimal");
        assertThat(lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "example.org", "a1.example", "123.example", "[::ffff:127.0.0.1]"})
    void dottedDecimalAddressesAndNamesAreNotLegacyForms(String host) throws Exception {
        AddressPolicy allowingAll = new AddressPolicy(address -> true,
                name -> name.contains("example") ? new InetAddress[] {InetAddress.getByName("192.0.2.1")} : InetAddress.getAllByName(name));

        assertThat(allowingAll.check(host)).hasSize(1);
    }

    @Test
    void everyAddressANameResolvesToMustPass() {
        AddressPolicy policy = new AddressPolicy(AddressPolicy::isPublic,
                name -> new InetAddress[] {InetAddress.getByName("1.1.1.1"), InetAddress.getByName("169.254.169.254")});

        assertThatThrownBy(() -> policy.check("metadata.test"))
                .isInstanceOf(OutboundException.class)
                .hasMessageStartingWith("refused: host 'metadata.test' resolves to 169.254.169.254, a link-local address (169.254.0.0/16)");
    }

    @Test
    void aNameThatDoesNotResolveIsAClearError() {
        AddressPolicy policy = new AddressPolicy(AddressPolicy::isPublic, name -> {
            throw new UnknownHostException(name);
        });

        assertThatThrownBy(() -> policy.check("nowhere.test")).isInstanceOf(OutboundException.class)
                .hasMessage("cannot resolve host 'nowhere.test'");
    }
}
