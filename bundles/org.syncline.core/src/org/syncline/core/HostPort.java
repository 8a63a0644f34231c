package org.syncline.core;

/** A server address as users type it: {@code host}, {@code host:port} or {@code [v6]:port}. */
public record HostPort(String host, int port) {
    public static final int DEFAULT_PORT = 7443;

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A server host is required.");
        }
        if (port < 1 || port > 65535) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                    "Port " + port + " is out of range: use 1-65535.");
        }
    }

    public static HostPort parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A server address (HOST:PORT) is required.");
        }
        String t = text.trim();
        String host = t;
        String port = null;
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            if (end < 0) {
                throw bad(text);
            }
            host = t.substring(1, end);
            if (end + 1 < t.length()) {
                if (t.charAt(end + 1) != ':') {
                    throw bad(text);
                }
                port = t.substring(end + 2);
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = t.substring(t.indexOf(':') + 1);
        }
        return new HostPort(host, port == null ? DEFAULT_PORT : parsePort(port, text));
    }

    public static int parsePort(String port, String context) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                    "'" + Names.printable(context) + "' has no valid port number.");
        }
    }

    private static SynclineException bad(String text) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT,
                "'" + Names.printable(text) + "' is not a server address: write HOST:PORT.");
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
