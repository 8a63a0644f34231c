package org.syncline.sharing.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.syncline.core.BlockOutputStream;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.Connection;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.SharingMessages;

/**
 * A viewer's frame stream from the relay. The listener runs on the stream's own thread and each update is
 * acknowledged once the listener returns: while it is busy the relay holds this viewer's updates back and merges
 * them (only this viewer waits), so a listener that paints slowly sees fewer, fuller updates, never a stale picture.
 * The acknowledgement goes out on a thread of its own, so the stream's thread reads the next update at once instead
 * of waiting a round trip for the relay's answer; acknowledgements that pile up meanwhile go as one (they count).
 */
public final class FrameWatch implements AutoCloseable {
    private final CompletableFuture<Long> ended = new CompletableFuture<>();
    private volatile boolean closed;
    /** Updates taken by the listener. */
    private final AtomicLong taken = new AtomicLong();
    /** The count the relay was last told; only the acknowledging thread touches it. */
    private long told;
    private final ExecutorService acknowledging;

    FrameWatch(Connection connection, String room, Consumer<FrameUpdate> listener) {
        acknowledging = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("syncline-share-ack-" + room).factory());
        Records sink = new Records(update -> {
            listener.accept(update);
            taken.incrementAndGet();
            acknowledging.execute(() -> acknowledge(connection, room));
        });
        Thread.ofVirtual().name("syncline-share-watch-" + room).start(() -> {
            try {
                ended.complete(connection.download(SharingMessages.WATCH, Json.object("room", room), sink).number("frames"));
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            } finally {
                acknowledging.shutdown();
            }
        });
    }

    /** Tells the relay how many updates this viewer took, so it may send the next (one is always on its way). */
    private void acknowledge(Connection connection, String room) {
        long now = taken.get();
        if (now <= told || closed) {
            return;
        }
        told = now;
        try {
            connection.request(SharingMessages.WATCH_ACK, Json.object("room", room, "updates", now));
        } catch (SynclineException e) {
            // the room closed or this viewer left: the stream ends with the reason
        }
    }

    /** Completes with the number of updates when the relay ends the stream (room closed, left), or with the refusal. */
    public CompletableFuture<Long> ended() {
        return ended;
    }

    /** Stops taking updates; the relay ends this viewer's stream at its next update or keep-alive. */
    @Override
    public void close() {
        closed = true;
    }

    /** Splits the stream into length-prefixed updates. */
    private final class Records extends BlockOutputStream {
        private final Consumer<FrameUpdate> listener;
        private final ByteBuffer length = ByteBuffer.allocate(4);
        private byte[] record;
        private int filled;

        Records(Consumer<FrameUpdate> listener) {
            this.listener = listener;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("The viewer stopped watching.");
            }
            while (len > 0) {
                if (record == null) {
                    int n = Math.min(len, length.remaining());
                    length.put(b, off, n);
                    off += n;
                    len -= n;
                    if (!length.hasRemaining()) {
                        int size = length.flip().getInt();
                        length.clear();
                        if (size < 0 || size > FrameUpdate.MAX_ENCODED_BYTES) {
                            throw new IOException("The relay sent a frame of " + size + " bytes.");
                        }
                        if (size > 0) {
                            record = new byte[size];
                            filled = 0;
                        }
                    }
                } else {
                    int n = Math.min(len, record.length - filled);
                    System.arraycopy(b, off, record, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                    if (filled == record.length) {
                        byte[] done = record;
                        record = null;
                        listener.accept(FrameUpdate.fromBytes(done));
                    }
                }
            }
        }
    }
}
