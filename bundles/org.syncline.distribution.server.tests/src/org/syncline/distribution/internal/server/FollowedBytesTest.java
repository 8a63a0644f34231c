package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The wait of a reader that caught up with its writer: woken by more bytes, by the end, by a failure, by an interrupt. */
class FollowedBytesTest {
    /** Bytes with nothing held beside their count: a reader here waits for more than it has seen. */
    private static final class Counted extends FollowedBytes {
        long after(long seen) throws IOException {
            synchronized (this) {
                awaitMore(() -> length() <= seen);
                return length();
            }
        }
    }

    private static CompletableFuture<Long> reading(Counted bytes, long seen) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return bytes.after(seen);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aReaderThatCaughtUpWaitsForTheNextWrite() throws Exception {
        Counted bytes = new Counted();
        bytes.wrote(10);
        assertEquals(10, bytes.after(5), "more than seen is there: no wait");
        CompletableFuture<Long> waiting = reading(bytes, 10);
        HopPipeTest.awaitBlocked(waiting);
        bytes.wrote(7);
        assertEquals(17, waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void theEndWakesAWaitingReaderAndAFailureAfterItChangesNothing() throws Exception {
        Counted bytes = new Counted();
        bytes.wrote(3);
        CompletableFuture<Long> waiting = reading(bytes, 3);
        HopPipeTest.awaitBlocked(waiting);
        bytes.end();
        assertEquals(3, waiting.get(30, TimeUnit.SECONDS), "at the end the reader has what there is");
        bytes.fail("too late");
        assertFalse(bytes.failed(), "bytes ended as good stay good");
        bytes.throwIfFailed();
        assertEquals(3, bytes.after(3));
    }

    @Test
    void aFailureReachesAWaitingReaderWithTheFirstReason() throws Exception {
        Counted bytes = new Counted();
        CompletableFuture<Long> waiting = reading(bytes, 0);
        HopPipeTest.awaitBlocked(waiting);
        bytes.fail("The parent's stream broke.");
        bytes.fail("a second reason");
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(30, TimeUnit.SECONDS));
        assertEquals("The parent's stream broke.", e.getCause().getCause().getMessage());
        assertTrue(bytes.failed());
        bytes.wrote(5);
        assertEquals("The parent's stream broke.", assertThrows(IOException.class, () -> bytes.after(0)).getMessage(),
                "failed bytes are never read, even when there are more of them");
        bytes.end();
        assertThrows(IOException.class, bytes::throwIfFailed, "the end does not undo a failure");
    }

    @Test
    void anInterruptedReaderStopsWithAnInterruptedIoErrorAndKeepsItsInterrupt() throws Exception {
        Counted bytes = new Counted();
        Throwable[] caught = new Throwable[1];
        boolean[] interrupted = new boolean[1];
        Thread reader = new Thread(() -> {
            try {
                bytes.after(0);
            } catch (IOException e) {
                caught[0] = e;
                interrupted[0] = Thread.currentThread().isInterrupted();
            }
        });
        reader.start();
        for (int i = 0; i < 200 && reader.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(10);
        }
        assertEquals(Thread.State.WAITING, reader.getState(), "the reader waits for the writer");
        reader.interrupt();
        reader.join(30_000);
        assertInstanceOf(InterruptedIOException.class, caught[0]);
        assertEquals("The transfer was stopped.", caught[0].getMessage());
        assertTrue(interrupted[0], "the interrupt is kept for the reader's caller");
    }
}
