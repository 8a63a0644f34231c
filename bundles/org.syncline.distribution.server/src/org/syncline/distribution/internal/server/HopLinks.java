package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.ConnectionState;
import org.syncline.protocol.KnownServers;
import org.syncline.store.DataDirectory;

/**
 * An agent's links to its parents in runs (it is the child of a hop): one TLS connection per run and parent,
 * logged in with the hop's token and pinning the certificate the master knows for the parent. Each pulled file's
 * delta streams from the parent with backpressure (no faster than the hop's cap) into a spool file, then is applied
 * atomically and verified against the source's SHA-256 ({@link ContentRoot#patch}).
 */
final class HopLinks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HopLinks.class.getName());
    private final ContentRoot root;
    private final Path spool;
    private final Path pins;
    private final Map<String, Link> links = new ConcurrentHashMap<>();

    /** One run's link to one parent: where it is, the token it logs in with, and the hop's cap (null: none). */
    private record Link(long run, String parent, HostPort address, String fingerprint, String token, BandwidthCap cap, Connection[] connection) {
    }

    HopLinks(ContentRoot root, Path directory) {
        this.root = root;
        this.spool = DataDirectory.createOwnerOnlyDirectories(directory.resolve("hop-spool"));
        this.pins = DataDirectory.createOwnerOnlyDirectories(directory.resolve("hop-pins"));
        try (var left = Files.list(spool)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not empty " + spool + ": " + e.getMessage(), e);
        }
    }

    /** Opens (or keeps) the link of run {@code run} to {@code parent}; CONNECTION_FAILED naming the parent when it cannot. */
    void open(long run, String parent, HostPort address, String fingerprint, String token, long cap) {
        String key = run + "\u0000" + parent;
        Link old = links.get(key);
        if (old != null && old.token().equals(token) && old.connection()[0] != null && old.connection()[0].state() == ConnectionState.CONNECTED) {
            return;
        }
        if (old != null) {
            close(old);
        }
        Link l = new Link(run, parent, address, fingerprint.toLowerCase(java.util.Locale.ROOT), token, cap > 0 ? BandwidthCap.of(cap) : null,
                new Connection[1]);
        connection(l);
        links.put(key, l);
    }

    /** Pulls one file from the parent of run {@code run} and returns the bytes that travelled (signature and delta). */
    long pull(long run, String parent, String from, String to, String sha256, int level, boolean delta) throws IOException {
        Link l = links.get(run + "\u0000" + parent);
        if (l == null) {
            throw new SynclineException(ErrorCode.CONFLICT, "Run " + run + " has no link open to '" + parent + "' here.");
        }
        byte[] signature = delta ? root.signature(to) : EMPTY;
        Path file = Files.createTempFile(spool, "hop", ".tmp");
        try {
            try (OutputStream out = l.cap() == null ? Files.newOutputStream(file) : l.cap().throttle(Files.newOutputStream(file))) {
                connection(l).download(DistributionMessages.HOP_DELTA, Json.object("token", l.token(), "path", from, "signature",
                        Base64.getEncoder().encodeToString(signature), "level", level, "sha256", sha256), out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                root.patch(to, in, level, sha256);
            }
            return (delta ? signature.length : 0) + Files.size(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The run ended: its links close. */
    void end(long run) {
        links.values().removeIf(l -> {
            if (l.run() == run) {
                close(l);
                return true;
            }
            return false;
        });
    }

    private Connection connection(Link l) {
        synchronized (l) {
            Connection c = l.connection()[0];
            if (c != null && c.state() == ConnectionState.CONNECTED) {
                return c;
            }
            if (c != null) {
                c.close();
            }
            ConnectionSettings settings = new ConnectionSettings(l.address(), DistributionMessages.HOP_LOGIN, l.token().toCharArray(),
                    "syncline-hop", Duration.ofSeconds(30), false);
            try {
                // pins exactly the certificate the master knows for the parent: any other is refused, never asked about
                c = Connection.open(settings, new KnownServers(pins.resolve(l.fingerprint().replace(":", ""))),
                        (hp, presented) -> presented.equalsIgnoreCase(l.fingerprint()));
            } catch (SynclineException e) {
                throw new SynclineException(ErrorCode.CONNECTION_FAILED, "No direct link to '" + l.parent() + "' at " + l.address() + ": "
                        + e.getMessage(), e);
            }
            l.connection()[0] = c;
            LOG.info(() -> "Run " + l.run() + ": pulling from '" + l.parent() + "' at " + l.address() + " directly");
            return c;
        }
    }

    private static void close(Link l) {
        synchronized (l) {
            if (l.connection()[0] != null) {
                l.connection()[0].close();
                l.connection()[0] = null;
            }
        }
    }

    @Override
    public void close() {
        links.values().forEach(HopLinks::close);
        links.clear();
    }

    private static final byte[] EMPTY = emptySignature();

    private static byte[] emptySignature() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.syncline.core.delta.Signature.empty().write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
