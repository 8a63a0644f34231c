package org.syncline.documents.internal.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.documents.DocumentsMessages;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;
import org.syncline.server.api.Enrollment;

/**
 * A storage node's reports to its registry: hello (name, where it listens, capacity and free space) on every
 * (re)connection, then a heartbeat every interval. On its own thread: connecting may take seconds.
 */
final class NodeReporter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeReporter.class.getName());
    private final Enrollment enrollment;
    private final BlobService blobs;
    private final String name;
    private final String host;
    private final long capacitySetting;
    private final Duration interval;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "docs-node-reporter");
        t.setDaemon(true);
        return t;
    });
    private Connection connection;

    NodeReporter(Enrollment enrollment, BlobService blobs, String name, String host, long capacitySetting, Duration interval) {
        this.enrollment = enrollment;
        this.blobs = blobs;
        this.name = name;
        this.host = host;
        this.capacitySetting = capacitySetting;
        this.interval = interval;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::report, 200, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        InetSocketAddress listening = enrollment.listening();
        if (listening == null) {
            return; // not listening yet: the next round says hello
        }
        try {
            if (connection == null || connection.state() != ConnectionState.CONNECTED) {
                closeConnection();
                connection = enrollment.connectToJoined("syncline-storage-node", false);
                Map<String, Object> hello = space();
                hello.putAll(Json.object("name", name, "host", host, "port", listening.getPort(), "heartbeatSeconds",
                        Math.max(1, interval.toSeconds())));
                connection.request(DocumentsMessages.NODE_HELLO, hello);
                LOG.info(() -> "Reported to the registry as storage node '" + name + "'");
            } else {
                connection.request(DocumentsMessages.NODE_HEARTBEAT, space());
            }
        } catch (SynclineException e) {
            LOG.info(() -> "The registry cannot be reached (" + e.getMessage() + "); trying again in " + interval.toSeconds() + " s");
            closeConnection();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "Reporting to the registry failed", e);
            closeConnection();
        }
    }

    /** Capacity is the setting (else the disk's size); free is what is left of it, never more than the disk has. */
    private Map<String, Object> space() {
        long total;
        long usable;
        try {
            FileStore store = Files.getFileStore(blobs.directory());
            total = store.getTotalSpace();
            usable = store.getUsableSpace();
        } catch (IOException e) {
            total = 0;
            usable = 0;
        }
        long capacity = capacitySetting > 0 ? capacitySetting : total;
        long free = Math.max(0, Math.min(usable, capacity - blobs.used()));
        return Json.object("capacity", capacity, "free", free);
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
