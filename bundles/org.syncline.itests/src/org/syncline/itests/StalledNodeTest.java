package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.core.BlockInputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.protocol.Connection;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * A registry and one storage node (real processes, heartbeat every second) while the node's process is stopped
 * (SIGSTOP, as a machine at load 35 may starve it) in the middle of a registration batch, for longer than the
 * three heartbeats after which the registry marks it down (issue #9: "The storage node 'n1' failed during the upload
 * (The connection was closed.)" on a busy machine). A node that only stalled finishes the batch once it runs again;
 * one that dies while stopped fails it with a message naming the node. A registry stopped as long does not count that time
 * against its node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StalledNodeTest {
    private static final int FILES = 4;
    private static final int FILE_SIZE = 2 * 1024 * 1024;
    private static final int SMALL = 64 * 1024;
    private static final int PARALLEL = 15;
    private Path homes;
    private ServerProcess registry;
    private ServerProcess node;
    private Connection uploader;
    private Connection watcher;

    @BeforeAll
    void start() throws Exception {
        homes = Files.createTempDirectory("syncline-itest-stalled");
        registry = new ServerProcess(homes.resolve("registry"), "--roles", "registry");
        node = new ServerProcess(homes.resolve("n1"), "--roles", "storage", "--join", registry.address().toString(), "--token",
                registry.enrollmentToken(), "--set", "docs.node-name=n1", "--set", "docs.heartbeat=1s");
        uploader = registry.connect("admin", ServerProcess.ADMIN_PASSWORD);
        watcher = registry.connect("admin", ServerProcess.ADMIN_PASSWORD);
        Await.until(() -> isUp(true), "n1 up", Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        signal("CONT");
        signal(registry, "CONT");
        uploader.close();
        watcher.close();
        node.close();
        registry.close();
    }

    @Test
    @Order(1)
    void aNodeStoppedLongerThanThreeHeartbeatsMidBatchFinishesItWhenItRunsAgain() throws Exception {
        List<DocumentInfo> added = new DocumentsClient(uploader).registerBatch(files("stalled", FILE_SIZE), "n1", new Content(FILE_SIZE, () -> {
            signal("STOP");
            try {
                // the registry marks the node down while the batch is in flight to it
                Await.until(() -> isUp(false), "n1 marked down", Duration.ofSeconds(30));
            } finally {
                signal("CONT");
            }
        }));
        assertEquals(FILES, added.size());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        new DocumentsClient(watcher).get(added.get(FILES - 1).id(), 0, back);
        assertArrayEquals(fileBytes(FILES - 1, FILE_SIZE, FILE_SIZE), back.toByteArray());
        Await.until(() -> isUp(true), "n1 up again", Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void aRegistryStoppedLongerThanThreeHeartbeatsMidBatchFinishesItAndKeepsItsNodeUp() throws Exception {
        long before = markedDown();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL);
        try {
            List<java.util.concurrent.Future<List<DocumentInfo>>> more = new ArrayList<>();
            List<DocumentInfo> added = new DocumentsClient(uploader).registerBatch(files("registry-stalled", FILE_SIZE), "n1",
                    new Content(FILE_SIZE, () -> {
                        signal(registry, "STOP");
                        try {
                            // more batches queue up in the stopped registry's sockets, with the node's heartbeats (every second):
                            // as under 'docs put --parallel 16', a registry that runs again has them all to read at once
                            for (int i = 0; i < PARALLEL; i++) {
                                String prefix = "queued-" + i;
                                more.add(clients.submit(() -> new DocumentsClient(uploader).registerBatch(files(prefix, SMALL), null,
                                        new Content(SMALL, () -> { }))));
                            }
                            Thread.sleep(5_000);
                        } finally {
                            signal(registry, "CONT");
                        }
                    }));
            assertEquals(FILES, added.size());
            for (java.util.concurrent.Future<List<DocumentInfo>> f : more) {
                assertEquals(FILES, f.get().size());
            }
        } finally {
            clients.shutdownNow();
        }
        assertTrue(isUp(true), "n1 is up after the registry ran again");
        assertEquals(before, markedDown(), "the registry marked n1 down for the time it did not run itself");
    }

    @Test
    @Order(3)
    void aNodeThatDiesWhileStoppedMidBatchFailsItNamingTheNode() throws Exception {
        SynclineException e = assertThrows(SynclineException.class, () -> new DocumentsClient(uploader).registerBatch(files("dead", FILE_SIZE), "n1",
                new Content(FILE_SIZE, () -> {
                    signal("STOP");
                    Await.until(() -> isUp(false), "n1 marked down", Duration.ofSeconds(30));
                    node.kill9();
                })));
        assertEquals(ErrorCode.CONNECTION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("storage node 'n1'"), e.getMessage());
        node.start();
        Await.until(() -> isUp(true), "n1 back up after its restart", Duration.ofSeconds(30));
    }

    private boolean isUp(boolean up) {
        return new DocumentsClient(watcher).nodes().stream().anyMatch(n -> n.name().equals("n1") && n.isUp() == up);
    }

    private void signal(String which) throws Exception {
        signal(node, which);
    }

    private static void signal(ServerProcess server, String which) throws Exception {
        if (server.process() != null && server.process().isAlive()) {
            // the launch script execs java: this is the JVM
            assertEquals(0, new ProcessBuilder("kill", "-" + which, String.valueOf(server.process().pid())).inheritIO().start().waitFor());
        }
    }

    /** How often the registry logged that it marked n1 down. */
    private long markedDown() throws Exception {
        try (java.util.stream.Stream<Path> logs = Files.list(registry.data.resolve("logs"))) {
            long n = 0;
            for (Path log : logs.toList()) {
                n += Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1).stream().filter(l -> l.contains("Storage node 'n1' missed")).count();
            }
            return n;
        }
    }

    private static List<BatchFile> files(String prefix, int size) {
        List<BatchFile> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(new BatchFile(prefix + "-" + i + ".bin", null, null, List.of(), size));
        }
        return files;
    }

    /** File {@code i} of a batch: random bytes seeded by the prefix's hash and i, so no two batches share content. */
    private static byte[] fileBytes(int i, int size, long seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed * 31 + i).nextBytes(b);
        return b;
    }

    interface Step {
        void run() throws Exception;
    }

    /** The batch's bytes; {@code midway} runs once, when half of them have been read (the stream to the node is open then). */
    private static final class Content extends BlockInputStream {
        private static final java.util.concurrent.atomic.AtomicLong SEEDS = new java.util.concurrent.atomic.AtomicLong(1_000_000);
        private final Step midway;
        private final byte[] all;
        private int pos;
        private boolean done;

        Content(int size, Step midway) {
            this.midway = midway;
            this.all = new byte[FILES * size];
            // the big batches' content is known to the test (seed = size); every small one is new bytes
            long seed = size == FILE_SIZE ? FILE_SIZE : SEEDS.incrementAndGet();
            for (int i = 0; i < FILES; i++) {
                System.arraycopy(fileBytes(i, size, seed), 0, all, i * size, size);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!done && pos >= all.length / 2) {
                done = true;
                try {
                    midway.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (pos >= all.length) {
                return -1;
            }
            int n = Math.min(len, all.length - pos);
            System.arraycopy(all, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
