package org.syncline.sharing.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.syncline.core.BlockInputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.Connection;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.SharingMessages;

/**
 * The host's frame stream to the relay: one upload that lasts as long as the sharing, each update a 4-byte length
 * and its bytes, and a zero length as keep-alive while nothing changes. {@link #send} waits only while two updates
 * are still queued, which is the relay's pace of reading, never a viewer's.
 */
final class FramePublisher implements AutoCloseable {
    private static final byte[] END = new byte[0];
    private static final byte[] KEEP_ALIVE = new byte[4];
    private static final long KEEP_ALIVE_MILLIS = 5_000;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(2);
    private final CompletableFuture<Long> ended = new CompletableFuture<>();

    FramePublisher(Connection connection, String room) {
        Thread.ofVirtual().name("syncline-share-publish-" + room).start(() -> {
            try {
                ended.complete(connection.upload(SharingMessages.PUBLISH, Json.object("room", room), new Records()).number("frames"));
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        });
    }

    void send(FrameUpdate update) {
        byte[] encoded = update.toBytes();
        byte[] record = ByteBuffer.allocate(4 + encoded.length).putInt(encoded.length).put(encoded).array();
        try {
            while (!queue.offer(record, 200, TimeUnit.MILLISECONDS)) {
                failIfEnded();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Interrupted while sending a frame.");
        }
        failIfEnded();
    }

    private void failIfEnded() {
        if (ended.isCompletedExceptionally()) {
            Throwable cause = ended.exceptionNow();
            throw cause instanceof SynclineException s ? s
                    : new SynclineException(ErrorCode.CONNECTION_FAILED, "The frame stream to the relay ended: " + cause.getMessage());
        }
        if (ended.isDone()) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "The frame stream to the relay has ended; the room is closed.");
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(END);
    }

    /** The queued updates as the bytes of the upload. */
    private final class Records extends BlockInputStream {
        private byte[] current = new byte[0];
        private int offset;

        @Override
        public int available() {
            return current == END ? 0 : current.length - offset;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (current == END) {
                return -1;
            }
            if (offset >= current.length) {
                try {
                    byte[] next = queue.poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
                    current = next == null ? KEEP_ALIVE : next;
                    offset = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
                if (current == END) {
                    return -1;
                }
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, b, off, n);
            offset += n;
            return n;
        }
    }
}
