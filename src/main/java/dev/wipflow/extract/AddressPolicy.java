package dev.wipflow.extract;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which hosts and addresses a supplier URL may not point at: private, loopback, link-local, CGNAT, multicast,
 * unspecified, documentation/benchmark ranges and cloud metadata endpoints, for IPv4 and IPv6 alike.
 */
public final class AddressPolicy {
    private static final Set<String> FORBIDDEN_NAMES = Set.of(
            "localhost", "metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal");

    private AddressPolicy() {
    }

    /**
     * Why a URL must be refused without looking its host up: a forbidden name or a literal address in a refused
     * range; empty when it may be tried (names are checked again on every fetch, after DNS).
     */
    public static Optional<String> refuseUrl(String url) {
        return refuseUrl(url, Set.of());
    }

    /** As {@link #refuseUrl(String)}, but hosts the team trusts ({@code FETCH_ALLOW_HOSTS}) may be local. */
    public static Optional<String> refuseUrl(String url, Set<String> trustedHosts) {
        String host;
        try {
            host = java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of("the url is not valid");
        }
        if (host == null) return Optional.of("the url has no host");
        if (trustedHosts.contains(host.toLowerCase(Locale.ROOT))) return Optional.empty();
        Optional<String> name = refuseName(host);
        if (name.isPresent()) return name;
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) return Optional.empty();
        try {
            return refuse(InetAddress.getByName(literal)); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " is not a valid address");
        }
    }

    /** Why a host name must not be resolved at all, or empty when it may be. */
    static Optional<String> refuseName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (FORBIDDEN_NAMES.contains(h) || h.endsWith(".localhost")) {
            return Optional.of("the host " + host + " is a local or cloud-metadata name");
        }
        return Optional.empty();
    }

    /** Why this address must not be connected to, or empty when it may be. */
    static Optional<String> refuse(InetAddress address) {
        String kind = kind(address);
        return kind == null ? Optional.empty()
                : Optional.of("the address " + address.getHostAddress() + " is " + kind);
    }

    private static String kind(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return kindV4(b);
        if (a instanceof Inet6Address) return kindV6(b);
        return "not an internet address";
    }

    private static String kindV4(byte[] b) {
        int x = b[0] & 0xff;
        int y = b[1] & 0xff;
        if (x == 169 && y == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) return "a cloud metadata endpoint";
        if (x == 0) return "unspecified";
        if (x == 127) return "loopback";
        if (x == 10 || (x == 172 && (y & 0xf0) == 16) || (x == 192 && y == 168)) return "private";
        if (x == 100 && (y & 0xc0) == 64) return "shared carrier-grade NAT space";
        if (x == 169 && y == 254) return "link-local";
        if (x == 192 && y == 0 && (b[2] & 0xff) == 0) return "reserved for protocol assignments";
        if ((x == 192 && y == 0 && (b[2] & 0xff) == 2) || (x == 198 && y == 51 && (b[2] & 0xff) == 100)
                || (x == 203 && y == 0 && (b[2] & 0xff) == 113)) return "reserved for documentation";
        if (x == 198 && (y & 0xfe) == 18) return "reserved for benchmarking";
        if (x >= 224 && x <= 239) return "multicast";
        if (x >= 240) return "reserved";
        return null;
    }

    private static String kindV6(byte[] b) {
        if (isZero(b, 0, 16)) return "unspecified";
        if (isZero(b, 0, 15) && b[15] == 1) return "loopback";
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return embedded(b, 12, "IPv4-mapped ");
        if (isZero(b, 0, 12)) return embedded(b, 12, "IPv4-compatible ");
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embedded(b, 12, "NAT64 ");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return embedded(b, 2, "6to4 ");
        if ((b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                && isZero(b, 4, 14) && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54) {
            return "a cloud metadata endpoint";
        }
        if ((b[0] & 0xfe) == 0xfc) return "private (unique local)";
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return "site-local";
        if ((b[0] & 0xff) == 0xff) return "multicast";
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "reserved for documentation";
        }
        return null;
    }

    private static String embedded(byte[] b, int from, String prefix) {
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
            String inner = kindV4(v4.getAddress());
            return inner == null ? null : prefix + inner;
        } catch (UnknownHostException e) {
            return "malformed";
        }
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
