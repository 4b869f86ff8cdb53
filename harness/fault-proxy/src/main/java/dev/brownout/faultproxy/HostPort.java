package dev.brownout.faultproxy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Go's {@code host:port} addresses: parsing with Go's error wording, resolution preferring IPv4 as
 * Go does for "localhost", and formatting the way Toxiproxy reports bound listeners.
 */
record HostPort(String host, int port) {

    /** Splits an address as Go's net.SplitHostPort does; the message matches Go's. */
    static HostPort parse(String address) {
        String host;
        String port;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("address " + address + ": missing ']' in address");
            }
            if (close + 1 == address.length()) {
                throw new IllegalArgumentException("address " + address + ": missing port in address");
            }
            if (address.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("address " + address + ": too many colons in address");
            }
            host = address.substring(1, close);
            port = address.substring(close + 2);
        } else {
            int colon = address.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("address " + address + ": missing port in address");
            }
            host = address.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("address " + address + ": too many colons in address");
            }
            port = address.substring(colon + 1);
        }
        return new HostPort(host, parsePort(address, port));
    }

    private static int parsePort(String address, String port) {
        if (port.isEmpty()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(port);
            if (value >= 0 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with Go's wording
        }
        throw new IllegalArgumentException("address " + address + ": invalid port");
    }

    /** Resolves a listen address; an empty string means every interface and a free port, as in Go. */
    static InetSocketAddress resolveListen(String address) {
        if (address.isEmpty()) {
            return new InetSocketAddress(0);
        }
        HostPort parsed = parse(address);
        if (parsed.host().isEmpty()) {
            return new InetSocketAddress(parsed.port());
        }
        return new InetSocketAddress(lookup(parsed.host()), parsed.port());
    }

    /** Resolves an upstream address for dialling. */
    static InetSocketAddress resolveDial(String address) {
        HostPort parsed = parse(address);
        String host = parsed.host().isEmpty() ? "localhost" : parsed.host();
        return new InetSocketAddress(lookup(host), parsed.port());
    }

    private static InetAddress lookup(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress candidate : all) {
                if (candidate instanceof Inet4Address) {
                    return candidate;
                }
            }
            return all[0];
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("lookup " + host + ": no such host");
        }
    }

    /** Formats like Go's net.Addr: the wildcard shows as [::] on a dual-stack host. */
    static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null || ip.isAnyLocalAddress()) {
            return "[::]:" + address.getPort();
        }
        if (ip instanceof Inet6Address) {
            String text = ip.getHostAddress();
            int zone = text.indexOf('%');
            return "[" + (zone < 0 ? text : text.substring(0, zone)) + "]:" + address.getPort();
        }
        return ip.getHostAddress() + ":" + address.getPort();
    }

    /** The address as Go writes it in "listen tcp ADDR: ..." errors. */
    static String describe(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null || ip.isAnyLocalAddress()) {
            return ":" + address.getPort();
        }
        return format(address);
    }
}
