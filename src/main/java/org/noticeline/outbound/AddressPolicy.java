package org.noticeline.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which addresses this service may send requests to. By default only public ones, so a URL that
 * comes from outside (a feed entry, later a webhook) cannot reach loopback, our own network or a
 * cloud metadata endpoint. Every address a host resolves to must pass, since the client may use any.
 */
public final class AddressPolicy {

    static final String SETTING = "noticeline.outbound.allow-private-addresses";

    private final Predicate<InetAddress> allowed;

    public AddressPolicy(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses ? address -> true : AddressPolicy::isPublic);
    }

    /** A policy with its own rule: tests use it to refuse one local address and allow another. */
    AddressPolicy(Predicate<InetAddress> allowed) {
        this.allowed = allowed;
    }

    /** Resolves {@code host} and returns its addresses, or refuses when any of them is not allowed. */
    public List<InetAddress> check(String host) throws OutboundException {
        if (host == null || host.isBlank()) {
            throw new OutboundException("refused: the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new OutboundException("cannot resolve host '" + bare + "'", e);
        }
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                String kind = nonPublicKind(address).orElse("refused");
                throw new OutboundException("refused: host '" + bare + "' resolves to " + address.getHostAddress() + ", a " + kind
                        + " address; requests to non-public addresses are off (" + SETTING + ")");
            }
        }
        return List.of(addresses);
    }

    public static boolean isPublic(InetAddress address) {
        return nonPublicKind(address).isEmpty();
    }

    /** What kind of non-public address this is ("loopback", "private", ...), or empty for a public one. */
    public static Optional<String> nonPublicKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("wildcard (any-local)");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private (site-local)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("this-network (0.0.0.0/8)");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("shared (100.64.0.0/10)");
            }
            if (first == 198 && (second & 0xfe) == 18) {
                return Optional.of("benchmarking (198.18.0.0/15)");
            }
            if (first >= 240) {
                return Optional.of("reserved (240.0.0.0/4)");
            }
            return Optional.empty();
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local (fc00::/7)");
            }
            // IPv6 forms that carry an IPv4 address reach that address: judge the one inside.
            Optional<InetAddress> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return nonPublicKind(embedded.get()).map(kind -> kind + ", embedded in IPv6");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        byte[] v4 = null;
        if (allZero(b, 0, 12)) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
