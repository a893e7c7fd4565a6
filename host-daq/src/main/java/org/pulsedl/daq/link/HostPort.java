package org.pulsedl.daq.link;

import java.net.InetSocketAddress;

/** {@code HOST:PORT} as users write it on the command line, and back. */
public final class HostPort {
    private HostPort() {
    }

    /**
     * Parses {@code HOST:PORT} (IPv6 as {@code [::1]:PORT}) without resolving the host yet; a malformed text
     * gives an {@link IllegalArgumentException} whose message names the text and what is wrong.
     */
    public static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:5000)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "': the port must be a number 0..65535");
        }
        return new InetSocketAddress(host, port);
    }

    public static String text(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
