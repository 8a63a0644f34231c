package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.BlockInputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * Cut-through forwarding on one agent: a child's delta of a file the forwarder still receives streams the bytes as
 * they land, ends only once the forwarder checked and committed the file, and fails when the forwarder's check fails.
 */
class CutThroughTest {
    private static final String FILE = "bulk/payload.bin";
    private static final HopCompression PLAIN = new HopCompression(HopCompression.DEFLATE, 0);
    @TempDir
    Path dir;
    /** The forwarder receiving and the child following it, each on its own thread. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private byte[] content() {
        byte[] b = new byte[1 << 20];
        new Random(7).nextBytes(b);
        return b;
    }

    /** The whole-file delta the source sends for {@code content}. */
    private byte[] sourceDelta(byte[] content) throws IOException {
        Path src = dir.resolve("source");
        Files.createDirectories(src.resolve("bulk"));
        Files.write(src.resolve(FILE), content);
        ContentRoot source = new ContentRoot(src);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.delta(FILE, source.signature("missing"), PLAIN, Sha256.hex(new ByteArrayInputStream(content)), out);
        return out.toByteArray();
    }

    /** The first half of {@code delta}, then the rest once {@code go} opens. */
    private static InputStream halting(byte[] delta, CountDownLatch go) {
        return new BlockInputStream() {
            private int at;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == delta.length / 2) {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                int end = at < delta.length / 2 ? delta.length / 2 : delta.length;
                if (at >= end) {
                    return -1;
                }
                int n = Math.min(len, end - at);
                System.arraycopy(delta, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    /** A sink whose size can be read while it is written to. */
    private static final class Sink extends ByteArrayOutputStream {
        synchronized int written() {
            return count;
        }
    }

    /** The child's request to the forwarder for the file, waiting for its arrival, on a thread of its own. */
    private CompletableFuture<Void> following(ContentRoot forwarder, ContentRoot child, String sha, Sink onward) {
        return CompletableFuture.runAsync(() -> {
            try {
                forwarder.delta(FILE, child.signature(FILE), PLAIN, sha, true, onward);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads);
    }

    private static void awaitBytes(Sink sink) throws InterruptedException {
        for (int i = 0; i < 1000 && sink.written() == 0; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void aChildGetsTheBytesAsTheyLandAndTheEndOnlyOnceTheForwarderCommitted() throws Exception {
        byte[] content = content();
        String sha = Sha256.hex(new ByteArrayInputStream(content));
        byte[] delta = sourceDelta(content);
        ContentRoot forwarder = new ContentRoot(Files.createDirectories(dir.resolve("forwarder")));
        ContentRoot child = new ContentRoot(Files.createDirectories(dir.resolve("child")));
        GrowingFile plain = GrowingFile.create(Files.createDirectories(dir.resolve("spool")), "plain");
        forwarder.arriving(1, FILE, sha, plain);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<String> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                String got = forwarder.patch(FILE, halting(delta, go), PLAIN, sha, false, plain.writer());
                plain.end();
                return got;
            } catch (IOException e) {
                plain.fail(e.getMessage());
                throw new java.io.UncheckedIOException(e);
            } finally {
                try {
                    plain.release();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, threads);
        Sink onward = new Sink();
        CompletableFuture<Void> forwarding = following(forwarder, child, sha, onward);
        awaitBytes(onward);
        assertTrue(onward.written() > 0, "the child got bytes while the forwarder still received");
        assertFalse(Files.exists(forwarder.resolve(FILE)), "the forwarder has not committed it yet");
        assertFalse(forwarding.isDone(), "the child's stream does not end before the forwarder committed");
        go.countDown();
        assertEquals(sha, receiving.get(30, TimeUnit.SECONDS));
        forwarding.get(30, TimeUnit.SECONDS);
        assertEquals(sha, child.patch(FILE, new ByteArrayInputStream(onward.toByteArray()), PLAIN, sha, false));
        assertArrayEquals(content, Files.readAllBytes(child.resolve(FILE)));
        // the run ended: a later delta reads the committed file
        forwarder.endArrivals(1);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        forwarder.delta(FILE, child.signature("none"), PLAIN, sha, false, again);
        assertArrayEquals(onward.toByteArray(), again.toByteArray());
    }

    /**
     * The forwarder's own source dropped out and its arrival failed; the run re-planned brings the file to it again. A
     * child that asks in between (its request came 51 ms early in a CI run) waits for that new arrival and follows it.
     */
    @Test
    void aChildAskingAfterTheForwardersArrivalFailedFollowsTheOneThatReplacesIt() throws Exception {
        byte[] content = content();
        String sha = Sha256.hex(new ByteArrayInputStream(content));
        byte[] delta = sourceDelta(content);
        ContentRoot forwarder = new ContentRoot(Files.createDirectories(dir.resolve("forwarder")));
        ContentRoot child = new ContentRoot(Files.createDirectories(dir.resolve("child")));
        Path spool = Files.createDirectories(dir.resolve("spool"));
        GrowingFile dropped = GrowingFile.create(spool, "plain");
        forwarder.arriving(1, FILE, sha, dropped);
        dropped.fail("The connection to the forwarder's source was lost.");
        dropped.release();
        // asked without waiting for an arrival (the master does not know of one), the failure is the answer
        SynclineException now = assertThrows(SynclineException.class, () -> forwarder.delta(FILE, child.signature(FILE), PLAIN, sha, false,
                new Sink()));
        assertEquals(ErrorCode.CONFLICT, now.code());

        Sink onward = new Sink();
        CompletableFuture<Void> forwarding = following(forwarder, child, sha, onward);
        Thread.sleep(300); // not an assertion of time: a window in which the old code had already failed the child
        assertFalse(forwarding.isDone(), "the child waits for the file to arrive again");
        GrowingFile again = GrowingFile.create(spool, "plain");
        forwarder.arriving(1, FILE, sha, again);
        try {
            assertEquals(sha, forwarder.patch(FILE, new ByteArrayInputStream(delta), PLAIN, sha, false, again.writer()));
            again.end();
        } finally {
            again.release();
        }
        forwarding.get(30, TimeUnit.SECONDS);
        assertEquals(sha, child.patch(FILE, new ByteArrayInputStream(onward.toByteArray()), PLAIN, sha, false));
        assertArrayEquals(content, Files.readAllBytes(child.resolve(FILE)));
    }

    @Test
    void whenTheForwardersCheckFailsTheChildsStreamFailsAndTheChildWritesNothing() throws Exception {
        byte[] content = content();
        String sha = Sha256.hex(new ByteArrayInputStream(content));
        byte[] delta = sourceDelta(content);
        delta[delta.length / 2 + 100] ^= 1; // a literal byte flipped on the way to the forwarder: its SHA-256 check fails
        ContentRoot forwarder = new ContentRoot(Files.createDirectories(dir.resolve("forwarder")));
        ContentRoot child = new ContentRoot(Files.createDirectories(dir.resolve("child")));
        GrowingFile plain = GrowingFile.create(Files.createDirectories(dir.resolve("spool")), "plain");
        forwarder.arriving(1, FILE, sha, plain);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> {
            try {
                forwarder.patch(FILE, halting(delta, go), PLAIN, sha, false, plain.writer());
                plain.end();
            } catch (IOException | RuntimeException e) {
                plain.fail("The file failed its check on this forwarder.");
                throw e instanceof RuntimeException r ? r : new java.io.UncheckedIOException((IOException) e);
            } finally {
                try {
                    plain.release();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, threads);
        Sink onward = new Sink();
        CompletableFuture<Void> forwarding = following(forwarder, child, sha, onward);
        awaitBytes(onward);
        go.countDown();
        ExecutionException atForwarder = assertThrows(ExecutionException.class, () -> receiving.get(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.INTEGRITY, ((SynclineException) atForwarder.getCause()).code());
        ExecutionException onwards = assertThrows(ExecutionException.class, () -> forwarding.get(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.CONFLICT, ((SynclineException) onwards.getCause()).code());
        // what the child got is not the file: applied, it fails the child's own check and leaves nothing behind
        assertThrows(RuntimeException.class,
                () -> child.patch(FILE, new ByteArrayInputStream(onward.toByteArray()), PLAIN, sha, false));
        assertFalse(Files.exists(child.resolve(FILE)));
        try (var left = Files.list(child.resolve("bulk"))) {
            assertEquals(0, left.count(), "no temp file left on the child");
        } catch (java.nio.file.NoSuchFileException e) {
            // the folder was never made: nothing left either
        }
    }
}
