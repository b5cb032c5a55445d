package org.noticeline.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which addresses this service may send requests to. By default only globally reachable ones (see
 * {@link SpecialPurposeAddresses}), so a URL that comes from outside (a feed entry, later a webhook)
 * cannot reach loopback, our own network or a cloud metadata endpoint. Every address a host resolves
 * to must pass, since any of them may be the one used; {@link OutboundFetcher} then connects to the
 * checked address itself, so a name cannot pass here and resolve elsewhere when connecting.
 */
public final class AddressPolicy {

    static final String SETTING = "noticeline.outbound.allow-private-addresses";

    /** Looks a host up; the JDK's {@link InetAddress#getAllByName} unless a test answers for its own names. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Predicate<InetAddress> allowed;
    private final Resolver resolver;

    public AddressPolicy(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses ? address -> true : AddressPolicy::isPublic);
    }

    /** A policy with its own rule: tests use it to refuse one local address and allow another. */
    AddressPolicy(Predicate<InetAddress> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    AddressPolicy(Predicate<InetAddress> allowed, Resolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /**
     * Names under {@code localhost.} are loopback by definition (RFC 6761) and are never sent to DNS: a lookup of
     * {@code a.localhost} would otherwise leave the machine only to be refused afterwards.
     */
    private static boolean isLocalhostName(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return name.endsWith(".localhost") || host.equalsIgnoreCase("localhost.");
    }

    /** Resolves {@code host} and returns its addresses, or refuses when any of them is not allowed. */
    public List<InetAddress> check(String host) throws OutboundException {
        if (host == null || host.isBlank()) {
            throw new OutboundException("refused: the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (NumericHost.isLegacyIpv4(bare)) {
            throw new OutboundException("refused: host '" + bare + "' ends in a number but is not an IPv4 address written a.b.c.d in decimal;"
                    + " octal, hexadecimal, single-number and short forms (0177.0.0.1, 0x7f.1, 2130706433, 127.1) are read"
                    + " differently by different software, so they are never fetched");
        }
        InetAddress[] addresses;
        try {
            addresses = isLocalhostName(bare) ? new InetAddress[] {InetAddress.getByAddress(bare, new byte[] {127, 0, 0, 1})} : resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new OutboundException("cannot resolve host '" + bare + "'", e);
        }
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                String kind = SpecialPurposeAddresses.kindOf(address).map(SpecialPurposeAddresses.Kind::inSentence)
                        .orElse("an address this policy refuses");
                throw new OutboundException("refused: host '" + bare + "' resolves to " + address.getHostAddress() + ", " + kind
                        + "; requests to non-public addresses are off (" + SETTING + ")");
            }
        }
        return List.of(addresses);
    }

    public static boolean isPublic(InetAddress address) {
        return SpecialPurposeAddresses.kindOf(address).isEmpty();
    }

    /** What kind of non-public address this is, with its block ("loopback (127.0.0.0/8)"), or empty for a public one. */
    public static Optional<String> nonPublicKind(InetAddress address) {
        return SpecialPurposeAddresses.kindOf(address).map(SpecialPurposeAddresses.Kind::toString);
    }
}
