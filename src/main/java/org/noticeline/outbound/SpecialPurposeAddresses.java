package org.noticeline.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks that are not globally reachable: the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and later), and for IPv6 everything outside global unicast 2000::/3. Blocks
 * nest (2001:db8::/32 lies in 2001::/23), so the longest matching block names the address.
 */
final class SpecialPurposeAddresses {

    /** What a non-public address is, for people: {@code name} as in "a loopback address", {@code where} its block. */
    record Kind(String name, String where) {

        /** "a loopback address (127.0.0.0/8)". */
        String inSentence() {
            // "an AMT", "an IETF", but "a unique-local": for these names the first letter tells the sound
            String article = "AEIOaeio".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
            return article + name + " address (" + where + ")";
        }

        @Override
        public String toString() {
            return name + " (" + where + ")";
        }
    }

    /**
     * One registry entry. {@code ipv4At} is where a block that carries an IPv4 address keeps its four
     * bytes, or -1: such an address leads to that IPv4 address, so a non-public one is named.
     */
    private record Block(String name, Cidr range, int ipv4At) {

        Kind kind() {
            return new Kind(name, range.toString());
        }
    }

    private static final int NO_IPV4 = -1;

    private static final List<Block> BLOCKS = Arrays.stream(new Block[] {
            block("wildcard", "0.0.0.0/32"),
            block("this-network", "0.0.0.0/8"),
            block("private", "10.0.0.0/8"),
            block("shared", "100.64.0.0/10"),
            block("loopback", "127.0.0.0/8"),
            block("link-local", "169.254.0.0/16"),
            block("private", "172.16.0.0/12"),
            block("IETF protocol assignments", "192.0.0.0/24"),
            block("documentation", "192.0.2.0/24"),
            block("AS112", "192.31.196.0/24"),
            block("AMT", "192.52.193.0/24"),
            block("6to4 relay anycast", "192.88.99.0/24"),
            block("private", "192.168.0.0/16"),
            block("AS112 direct delegation", "192.175.48.0/24"),
            block("benchmarking", "198.18.0.0/15"),
            block("documentation", "198.51.100.0/24"),
            block("documentation", "203.0.113.0/24"),
            block("multicast", "224.0.0.0/4"),
            block("reserved", "240.0.0.0/4"),
            block("reserved broadcast", "255.255.255.255/32"),

            block("wildcard", "::/128"),
            block("loopback", "::1/128"),
            carrier("IPv4-mapped", "::ffff:0:0/96", 12),
            carrier("deprecated IPv4-compatible", "::/96", 12),
            carrier("NAT64", "64:ff9b::/96", 12),
            block("local-use NAT64", "64:ff9b:1::/48"),
            block("discard-only", "100::/64"),
            block("IETF protocol assignments", "2001::/23"),
            block("Teredo", "2001::/32"),
            block("benchmarking", "2001:2::/48"),
            block("deprecated ORCHID", "2001:10::/28"),
            block("ORCHIDv2", "2001:20::/28"),
            block("documentation", "2001:db8::/32"),
            carrier("6to4", "2002::/16", 2),
            block("documentation", "3fff::/20"),
            block("segment-routing SRv6", "5f00::/16"),
            block("unique-local", "fc00::/7"),
            block("link-local", "fe80::/10"),
            block("deprecated site-local", "fec0::/10"),
            block("multicast", "ff00::/8"),
            // With 2000::/3 these three cover the whole IPv6 space: all of it but 2000::/3 is reserved or local.
            block("IETF-reserved", "::/3"),
            block("IETF-reserved", "4000::/2"),
            block("IETF-reserved", "8000::/1"),
    }).sorted(Comparator.comparingInt((Block b) -> b.range().length()).reversed()).toList();

    private SpecialPurposeAddresses() {
    }

    private static Block block(String name, String range) {
        return new Block(name, Cidr.parse(range), NO_IPV4);
    }

    private static Block carrier(String name, String range, int ipv4At) {
        return new Block(name, Cidr.parse(range), ipv4At);
    }

    /** What kind of non-public address this is, or empty for a globally reachable one. */
    static Optional<Kind> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<Block> block = BLOCKS.stream().filter(b -> b.range().contains(bytes)).findFirst();
        return block.map(b -> b.ipv4At() == NO_IPV4 ? b.kind() : carried(b, bytes));
    }

    private static Kind carried(Block carrier, byte[] bytes) {
        InetAddress ipv4;
        try {
            ipv4 = InetAddress.getByAddress(Arrays.copyOfRange(bytes, carrier.ipv4At(), carrier.ipv4At() + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
        return kindOf(ipv4)
                .map(inner -> new Kind(inner.name(), inner.where() + ", embedded in " + carrier.name() + " " + carrier.range()))
                .orElse(carrier.kind());
    }
}
