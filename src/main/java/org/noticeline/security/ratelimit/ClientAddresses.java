package org.noticeline.security.ratelimit;

import org.noticeline.outbound.Cidr;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request comes from, as a bucket key. The connecting address, unless it is a trusted proxy: then the rightmost
 * address in {@code X-Forwarded-For} that is not a trusted proxy, since every entry left of what our own proxies
 * appended is whatever the client chose to send. IPv6 clients are grouped by /64, the block one subscriber gets.
 */
public final class ClientAddresses {

    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):[0-9]{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]+)](:[0-9]{1,5})?");
    /** Longer headers are not ours to walk: a proxy chain is a handful of hops. */
    private static final int MAX_HOPS = 32;

    private final List<Cidr> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /**
     * The key of the client of a request that came from {@code connecting} (an address literal; null when unknown)
     * with these {@code X-Forwarded-For} header values.
     */
    public String clientOf(String connecting, List<String> forwardedFor) {
        byte[] peer = parse(connecting);
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return key(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        byte[] client = peer;
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
            byte[] hop = parse(hops.get(i));
            if (hop == null) {
                // Only a proxy we trust could have written the entries to its right, but not this one: the last
                // address we could vouch for is the client.
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return key(client);
    }

    private boolean isTrusted(byte[] address) {
        for (Cidr block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address literal, also with a port as proxies sometimes write them, as 4 or 16 bytes; null for anything else. */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        var bracketed = BRACKETED_IPV6.matcher(text);
        var withPort = IPV4_WITH_PORT.matcher(text);
        return Cidr.literal(bracketed.matches() ? bracketed.group(1) : withPort.matches() ? withPort.group(1) : text);
    }

    private static String key(byte[] address) {
        HexFormat hex = HexFormat.of();
        if (address.length == 4) {
            return "ip:" + (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        return "ip6:" + hex.formatHex(address, 0, 8) + "/64";
    }
}
