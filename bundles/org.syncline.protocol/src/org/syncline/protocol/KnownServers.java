package org.syncline.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/**
 * Pinned server certificates, one line {@code host:port fingerprint} each, like SSH's known_hosts. A server
 * is trusted on first use (after asking) and refused afterwards if its certificate changes.
 */
public final class KnownServers {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern SHA256_PAIRS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}");
    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    /** The default file: $XDG_CONFIG_HOME/syncline/known_servers (or ~/.config/...). */
    public static KnownServers forUser() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new KnownServers(base.resolve("syncline").resolve("known_servers"));
    }

    public Path file() {
        return file;
    }

    public synchronized String pinned(HostPort server) {
        return read().get(server.toString());
    }

    /**
     * Accepts the fingerprint if it is the pinned one, asks and pins it if the server is new, and refuses it
     * with both fingerprints in the message if it changed.
     */
    public synchronized void verify(HostPort server, String fingerprint, FingerprintPrompt prompt) {
        Map<String, String> known = read();
        String pinned = known.get(server.toString());
        if (pinned == null) {
            if (!prompt.trustNewServer(server, fingerprint)) {
                throw new SynclineException(ErrorCode.CERTIFICATE_CHANGED,
                        "The certificate of " + server + " (" + fingerprint + ") was not trusted.");
            }
            known.put(server.toString(), fingerprint);
            write(known);
        } else if (!pinned.equalsIgnoreCase(fingerprint)) {
            throw new SynclineException(ErrorCode.CERTIFICATE_CHANGED, "The certificate of " + server
                    + " has changed: expected " + pinned + " but the server presented " + fingerprint
                    + ". If the server was reinstalled, remove its line from " + file + "; otherwise someone may be intercepting the connection.");
        }
    }

    /**
     * Pins {@code fingerprint} for {@code server}, replacing whatever was pinned for that address, and returns
     * the fingerprint it replaced (empty when there was none). This is for a fingerprint the user gave for this
     * server explicitly, such as {@code --trust-fingerprint} read from the server the demo has just started: it
     * is newer evidence than a pin left by an earlier server on the same address (a data directory removed or
     * moved makes a new key). Connections still compare what the server presents with it and refuse anything
     * else, so a wrong fingerprint here never lets a different server through.
     */
    public synchronized Optional<String> trust(HostPort server, String fingerprint) {
        String canonical = canonicalFingerprint(fingerprint);
        Map<String, String> known = read();
        String previous = known.put(server.toString(), canonical);
        if (!canonical.equals(previous)) {
            write(known);
        }
        return Optional.ofNullable(previous);
    }

    // The form Sha256.fingerprint prints: 32 upper-case hex pairs joined by colons. Users may paste it in
    // lower case or without the colons; anything else would pin a value no server can ever present.
    private static String canonicalFingerprint(String fingerprint) {
        String given = fingerprint == null ? "" : fingerprint.trim();
        if (!SHA256_PAIRS.matcher(given).matches() && !SHA256_HEX.matcher(given).matches()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + Names.printable(given)
                    + "' is not a SHA-256 certificate fingerprint; give the 32 hex pairs the server printed (AB:CD:...).");
        }
        String hex = given.replace(":", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex, i, i + 2);
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private Map<String, String> read() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                if (parts.length == 2) {
                    m.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        return m;
    }

    private void write(Map<String, String> known) {
        StringBuilder b = new StringBuilder("# Syncline servers trusted on first use: host:port SHA-256 fingerprint\n");
        known.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        try {
            AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
