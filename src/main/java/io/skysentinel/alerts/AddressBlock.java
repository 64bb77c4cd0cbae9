package io.skysentinel.alerts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), and which addresses are not public. */
record AddressBlock(byte[] prefix, int bits) {

    private static final AddressBlock[] NOT_PUBLIC = {
        parse("0.0.0.0/8"), // "this network"
        parse("100.64.0.0/10"), // carrier-grade NAT
        parse("192.0.0.0/24"), // IETF protocol assignments
        parse("198.18.0.0/15"), // benchmarking
        parse("fc00::/7"), // unique local
    };

    static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        String ip = cidr.substring(0, slash);
        // Only literals: a name here would be resolved (DNS at start), which a block must never need.
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:.]+"))
            throw new IllegalArgumentException("ALERTS_WEBHOOK_ALLOW: " + cidr + " is not an address block");
        try {
            byte[] p = InetAddress.getByName(ip).getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > p.length * 8) throw new NumberFormatException();
            return new AddressBlock(p, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("ALERTS_WEBHOOK_ALLOW: " + cidr + " is not an address block");
        }
    }

    boolean contains(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != prefix.length) return false;
        int full = bits / 8, rest = bits % 8;
        for (int i = 0; i < full; i++) if (b[i] != prefix[i]) return false;
        if (rest == 0) return true;
        int mask = 0xff << (8 - rest) & 0xff;
        return (b[full] & mask) == (prefix[full] & mask);
    }

    /** Loopback, private (RFC 1918, unique local), link-local (cloud metadata), unspecified, multicast, CGNAT. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) return true;
        if (a instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) return true;
        for (AddressBlock b : NOT_PUBLIC) if (b.contains(a)) return true;
        return false;
    }
}
