package org.syncline.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A file's output stream that sends its bytes to disk while they are written: after every {@code step} bytes a flush
 * of what is written so far starts on a virtual thread (unless the previous one is still running), so the fsync that
 * makes the whole file durable ({@link #finish()}) waits only for the last few MiB. Without it the kernel keeps a
 * file's dirty pages (up to a tenth of the RAM) until that fsync, and a 1 GiB upload waited about 0.4 s for the disk
 * after its last byte arrived. The flushes cost no CPU of the writer's thread; a failed flush is the write's failure.
 * Does not close the channel.
 */
public final class WriteBehind extends BlockOutputStream {
    /** Bytes between two flushes for large files: big enough that the flushes' own cost does not show. */
    public static final long STEP = 16L << 20;
    private final FileChannel channel;
    private final long step;
    private final java.util.function.Consumer<Runnable> starter;
    private long sinceFlush;
    private Future<?> flushing = CompletableFuture.completedFuture(null);

    public WriteBehind(FileChannel channel) {
        this(channel, STEP, flush -> Thread.ofVirtual().name("syncline-write-behind").start(flush));
    }

    /** As above, a flush every {@code step} bytes, started by {@code starter} (tests). */
    WriteBehind(FileChannel channel, long step, java.util.function.Consumer<Runnable> starter) {
        this.channel = channel;
        this.step = step;
        this.starter = starter;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        sinceFlush += len;
        if (sinceFlush >= step && flushing.isDone()) {
            settle(); // an earlier flush's failure ends the write here
            sinceFlush = 0;
            FutureTask<Void> flush = new FutureTask<>(() -> {
                channel.force(false);
                return null;
            });
            flushing = flush;
            starter.accept(flush);
        }
    }

    /** Makes everything written durable: waits for the flush in flight, then forces the file and its metadata. */
    public void finish() throws IOException {
        settle();
        channel.force(true);
    }

    /** Waits for the flush in flight; its failure is thrown here. */
    private void settle() throws IOException {
        try {
            flushing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the file was being written.");
        }
    }

    /** Waits for a flush in flight, so the channel can be closed under it; a failure was (or will be) reported by a write or {@link #finish()}. */
    @Override
    public void close() {
        try {
            settle();
        } catch (IOException e) {
            // the write is being given up: its temp file is deleted either way
        }
    }
}
