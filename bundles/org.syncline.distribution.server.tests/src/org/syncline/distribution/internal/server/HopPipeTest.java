package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The in-memory pipe between a pull's download and its patch: order, the end, failures both ways, the bound. */
class HopPipeTest {
    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void theReaderGetsEveryByteInOrderAndTheEndOnlyOnceTheWriterEndedIt() throws Exception {
        HopPipe pipe = new HopPipe();
        byte[] data = random(1_000_000);
        // the writer reuses its array, as the protocol's receiver does: the pipe must have copied each write
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.writer()) {
                byte[] buf = new byte[65536];
                for (int at = 0; at < data.length; at += buf.length) {
                    int n = Math.min(buf.length, data.length - at);
                    System.arraycopy(data, at, buf, 0, n);
                    out.write(buf, 0, n);
                    java.util.Arrays.fill(buf, (byte) 0);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] got = new byte[data.length];
        try (InputStream in = pipe.reader()) {
            assertEquals(data.length, in.readNBytes(got, 0, data.length));
            writer.get(30, TimeUnit.SECONDS);
            CompletableFuture<Integer> atEnd = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.read();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            awaitBlocked(atEnd);
            pipe.end();
            assertEquals(-1, atEnd.get(30, TimeUnit.SECONDS));
        }
        assertArrayEquals(data, got);
        assertEquals(data.length, pipe.length());
    }

    @Test
    void aWriterThatGotAheadByTheBoundWaitsForTheReader() throws Exception {
        HopPipe pipe = new HopPipe();
        OutputStream out = pipe.writer();
        for (int i = 0; i < HopPipe.CHUNKS; i++) {
            out.write(new byte[] {(byte) i});
        }
        CompletableFuture<Void> oneMore = CompletableFuture.runAsync(() -> {
            try {
                out.write(new byte[] {(byte) HopPipe.CHUNKS});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        awaitBlocked(oneMore);
        InputStream in = pipe.reader();
        assertEquals(0, in.read());
        oneMore.get(30, TimeUnit.SECONDS);
        pipe.end();
        byte[] rest = in.readAllBytes();
        assertEquals(HopPipe.CHUNKS, rest.length);
        assertEquals(HopPipe.CHUNKS, rest[rest.length - 1]);
    }

    @Test
    void aFailureReachesAWaitingReaderAndTheWriterWithItsReason() throws Exception {
        HopPipe pipe = new HopPipe();
        OutputStream out = pipe.writer();
        out.write(random(100));
        InputStream in = pipe.reader();
        in.readNBytes(100);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        awaitBlocked(waiting);
        pipe.fail("The parent's stream broke.");
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(30, TimeUnit.SECONDS));
        assertEquals("The parent's stream broke.", e.getCause().getCause().getMessage());
        assertEquals("The parent's stream broke.", assertThrows(IOException.class, () -> out.write(1)).getMessage());
    }

    @Test
    void onceTheReaderClosedWhatIsStillWrittenIsDroppedWithoutWaiting() throws Exception {
        HopPipe pipe = new HopPipe();
        OutputStream out = pipe.writer();
        pipe.reader().close();
        for (int i = 0; i < 3 * HopPipe.CHUNKS; i++) {
            out.write(new byte[1000]); // beyond the bound: would wait forever were it queued
        }
        pipe.end();
        assertEquals(3 * HopPipe.CHUNKS * 1000, pipe.length());
    }

    /** Gives the task two seconds and checks it is still waiting in the pipe (it did not return). */
    static void awaitBlocked(CompletableFuture<?> task) throws InterruptedException {
        for (int i = 0; i < 200 && !task.isDone(); i++) {
            Thread.sleep(10);
        }
        assertTrue(!task.isDone(), "the call returned instead of waiting");
    }
}
