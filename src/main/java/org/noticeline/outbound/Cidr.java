package org.noticeline.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of IPv4 or IPv6 addresses written as {@code address/length}. */
final class Cidr {

    private final String text;
    private final byte[] prefix;
    private final int length;

    private Cidr(String text, byte[] prefix, int length) {
        this.text = text;
        this.prefix = prefix;
        this.length = length;
    }

    /** {@code text} is an address literal, so parsing it never looks anything up. */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String literal = text.substring(0, slash);
        try {
            byte[] prefix = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && prefix.length == 4) {
                // Java turns ::ffff:a.b.c.d into a.b.c.d; the block is meant in IPv6.
                prefix = ipv4Mapped(prefix);
            }
            return new Cidr(text, prefix, Integer.parseInt(text.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a CIDR block: " + text, e);
        }
    }

    private static byte[] ipv4Mapped(byte[] ipv4) {
        byte[] ipv6 = new byte[16];
        ipv6[10] = (byte) 0xff;
        ipv6[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, ipv6, 12, 4);
        return ipv6;
    }

    int length() {
        return length;
    }

    /** True when {@code address} (4 or 16 bytes) lies in this block; an IPv4 address is never in an IPv6 block. */
    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int whole = length / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (prefix[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
