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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.TicketCheck;
import org.syncline.store.DataDirectory;

/**
 * An agent's links to its parents in runs (it is the child of a hop): one TLS connection per parent, kept open
 * across runs ({@link LinkPool}: closed when idle for {@link #IDLE} with no run of that parent going on, or opened
 * again when the parent's address or pinned certificate changes), logged in with a hop ticket and pinning the
 * certificate the master knows for the parent. Every pull names its own run's ticket, which the parent checks.
 * Each pulled file's delta streams from the parent with backpressure (no faster than the hop's cap) through a few
 * chunks in memory ({@link HopPipe}) and is applied as it lands, atomically and verified against the source's
 * SHA-256 ({@link ContentRoot#patch});
 * a forwarder's children follow a whole file's bytes as they are written here (cut-through, {@link #pull}).
 */
final class HopLinks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HopLinks.class.getName());
    /** A link to a parent no run uses is closed after this long. */
    static final Duration IDLE = Duration.ofSeconds(60);
    private final ContentRoot root;
    private final Path spool;
    private final Path pins;
    private final Map<String, RunHop> hops = new ConcurrentHashMap<>();
    private final LinkPool pool;
    /** The downloads of pulls in flight (each pull applies its delta on its own thread as the download lands). */
    private final ExecutorService downloads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "distribution-hop-download");
        t.setDaemon(true);
        return t;
    });

    /** One run's hop from one parent: where the parent is, the ticket this run's pulls carry, and the hop's cap (null: none). */
    private record RunHop(long run, String parent, HostPort address, String fingerprint, String ticket, String secret, BandwidthCap cap,
            long since) {
    }

    HopLinks(ContentRoot root, Path directory) {
        this.root = root;
        this.spool = DataDirectory.createOwnerOnlyDirectories(directory.resolve("hop-spool"));
        this.pins = DataDirectory.createOwnerOnlyDirectories(directory.resolve("hop-pins"));
        // a run the master never ended (it died) stops holding its parent's link once its ticket expired there
        this.pool = new LinkPool("distribution-hop", IDLE, parent -> hops.values().stream()
                .anyMatch(h -> h.parent().equals(parent) && System.nanoTime() - h.since() < HopGrants.IDLE.toNanos()));
        try (var left = Files.list(spool)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not empty " + spool + ": " + e.getMessage(), e);
        }
    }

    /**
     * Run {@code run} pulls from {@code parent} with ticket {@code ticket}: the link to the parent is opened, or
     * the one kept open is used; CONNECTION_FAILED naming the parent when it cannot be opened.
     */
    void open(long run, String parent, HostPort address, String fingerprint, String ticket, String secret, long cap) {
        RunHop h = new RunHop(run, parent, address, fingerprint.toLowerCase(java.util.Locale.ROOT), ticket, secret,
                cap > 0 ? BandwidthCap.of(cap) : null, System.nanoTime());
        hops.put(run + "\u0000" + parent, h);
        connection(h);
        LOG.info(() -> "Run " + run + ": pulling from '" + parent + "' at " + address + " directly");
    }

    /**
     * Pulls one file from the parent of run {@code run} and returns the bytes that travelled (signature and delta).
     * The delta is applied as it lands ({@link HopPipe}); a whole-file pull
     * also lets this agent's own children follow the plain bytes as they are written ({@link ContentRoot#arriving}),
     * their streams ending only once the file was checked and committed here (cut-through forwarding).
     * {@code await}: the parent is still receiving the file itself; it streams it on as it lands.
     */
    long pull(long run, String parent, String from, String to, String sha256, HopCompression compression, boolean delta, boolean await)
            throws IOException {
        RunHop h = hops.get(run + "\u0000" + parent);
        if (h == null) {
            throw new SynclineException(ErrorCode.CONFLICT, "Run " + run + " has no link open to '" + parent + "' here.");
        }
        byte[] signature = delta ? root.signature(to) : EMPTY;
        HopPipe wire = new HopPipe();
        GrowingFile plain = null;
        try {
            plain = delta ? null : GrowingFile.create(spool, "plain");
            if (plain != null) {
                root.arriving(run, to, sha256, plain);
            }
            Future<?> download = downloads.submit(() -> {
                try (OutputStream out = h.cap() == null ? wire.writer() : h.cap().throttle(wire.writer())) {
                    connection(h).download(DistributionMessages.HOP_DELTA, Json.object("ticket", h.ticket(), "secret", h.secret(), "path", from,
                            "signature", Base64.getEncoder().encodeToString(signature), "codec", compression.codec(), "level",
                            compression.level(), "sha256", sha256, "await", await), out);
                    wire.end();
                    return null;
                } catch (RuntimeException | IOException e) {
                    wire.fail(e.getMessage() == null ? e.toString() : e.getMessage());
                    throw e;
                }
            });
            try (InputStream in = wire.reader()) {
                root.patch(to, in, compression, sha256, delta, plain == null ? null : plain.writer());
            } catch (RuntimeException | IOException e) {
                wire.fail("The file was not applied here: " + e.getMessage());
                Throwable cause = downloaded(download);
                if (cause instanceof RuntimeException r) {
                    throw r; // the parent's own sentence (not there, changed, failed its check there)
                }
                throw e;
            }
            if (downloaded(download) instanceof RuntimeException r) {
                throw r;
            }
            if (plain != null) {
                plain.end(); // checked and committed here: the children following it reach its end
            }
            return (delta ? signature.length : 0) + wire.length();
        } finally {
            if (plain != null) {
                plain.fail("The file failed its check on this forwarder.");
                plain.release();
            }
        }
    }

    /** Waits for the download to end; what it failed with, or null. */
    private static Throwable downloaded(Future<?> download) throws java.io.InterruptedIOException {
        try {
            download.get();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            download.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("The transfer was stopped.");
        }
    }

    /** The run ended: its tickets are forgotten here; the links stay open for the next run until idle. */
    void end(long run) {
        hops.values().removeIf(h -> h.run() == run);
        root.endArrivals(run);
    }

    /** The link to the run hop's parent: the one kept open if it pins the same certificate at the same address. */
    private Connection connection(RunHop h) {
        return pool.get(h.parent(), h.address() + " " + h.fingerprint(), () -> {
            ConnectionSettings settings = new ConnectionSettings(h.address(), TicketCheck.loginName(DistributionMessages.CAPABILITY, h.ticket()),
                    h.secret().toCharArray(), "syncline-hop", Duration.ofSeconds(30), false);
            try {
                // pins exactly the certificate the master knows for the parent: any other is refused, never asked about
                Connection c = Connection.open(settings, new KnownServers(pins.resolve(h.fingerprint().replace(":", ""))),
                        (hp, presented) -> presented.equalsIgnoreCase(h.fingerprint()));
                LOG.info(() -> "Opened a hop link to '" + h.parent() + "' at " + h.address() + " (kept for later runs until idle)");
                return c;
            } catch (SynclineException e) {
                throw new SynclineException(ErrorCode.CONNECTION_FAILED, "No direct link to '" + h.parent() + "' at " + h.address() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        pool.close();
        hops.clear();
        downloads.shutdownNow();
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
