package org.noticeline.outbound;

import java.util.regex.Pattern;

/**
 * Hosts that are numbers. Only the dotted-decimal form a.b.c.d is taken: inet_aton also reads octal
 * (0177.0.0.1), hexadecimal (0x7f.1), a single number (2130706433) and fewer parts (127.1), Java reads
 * some of those differently (0177 as decimal 177) and looks others up as names, and a browser
 * follows the WHATWG URL rules. Whatever one of them judged, another might connect to.
 */
final class NumericHost {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_DECIMAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private NumericHost() {
    }

    /**
     * True for a host that ends in a number (as the WHATWG URL standard puts it: the last label, after
     * one trailing dot, is decimal or 0x-hexadecimal) yet is not a plain a.b.c.d. An IPv6 literal is none.
     */
    static boolean isLegacyIpv4(String host) {
        if (host.contains(":") || DOTTED_DECIMAL.matcher(host).matches()) {
            return false;
        }
        String labels = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = labels.substring(labels.lastIndexOf('.') + 1);
        return NUMBER.matcher(last).matches();
    }
}
