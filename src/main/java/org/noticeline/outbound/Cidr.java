package org.noticeline.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A block of IPv4 or IPv6 addresses written as {@code address/length}. */
public final class Cidr {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** A dotted quad, or anything with a colon (Java reads that as an IPv6 literal and never looks it up). */
    private static final Pattern LITERAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final String text;
    private final byte[] prefix;
    private final int length;

    private Cidr(String text, byte[] prefix, int length) {
        this.text = text;
        this.prefix = prefix;
        this.length = length;
    }

    /**
     * Parses {@code address/length}, or a bare address as a block of one. Only address literals are taken, so parsing
     * never looks a name up (configuration names trusted proxies with these).
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        byte[] prefix = literal(literal);
        if (prefix == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        if (literal.contains(":") && prefix.length == 4) {
            // Java turns ::ffff:a.b.c.d into a.b.c.d; the block is meant in IPv6.
            prefix = ipv4Mapped(prefix);
        }
        try {
            int length = slash < 0 ? prefix.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (length < 0 || length > prefix.length * 8) {
                throw new IllegalArgumentException("not a prefix length for " + literal + ": " + text);
            }
            return new Cidr(text, prefix, length);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: " + text, e);
        }
    }

    /**
     * The 4 or 16 bytes of an address literal (a dotted quad or an IPv6 literal; {@code ::ffff:a.b.c.d} gives the
     * IPv4 address), or null for anything else, names included: nothing is ever looked up.
     */
    public static byte[] literal(String text) {
        if (text == null || text.length() > 64 || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
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
    public boolean contains(byte[] address) {
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
