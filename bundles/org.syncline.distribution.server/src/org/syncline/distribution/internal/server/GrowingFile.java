package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.syncline.core.BlockInputStream;
import org.syncline.core.BlockOutputStream;

/**
 * A spool file one writer appends to while readers follow it as it grows (cut-through forwarding): a reader
 * blocks at the end until more bytes land, sees the end of the stream only once the writer {@link #end ended}
 * it, and an error once the writer {@link #fail failed} it. The file is deleted when the writer and the last
 * reader let go of it; nothing of it is ever held in memory beyond a read's buffer.
 */
final class GrowingFile extends FollowedBytes {
    private final FileChannel channel;
    /** The writer and the open readers; at 0 the file is closed (and so deleted). */
    private int users = 1;

    private GrowingFile(FileChannel channel) {
        this.channel = channel;
    }

    /** A new empty spool file in {@code dir}, held by its writer. */
    static GrowingFile create(Path dir, String prefix) throws IOException {
        Path file = Files.createTempFile(dir, prefix, ".tmp");
        return new GrowingFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE));
    }

    /** The writer's stream: each write lands at the end and wakes the readers; a write after a failure throws. */
    OutputStream writer() {
        return new BlockOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                long at;
                synchronized (GrowingFile.this) {
                    throwIfFailed();
                    at = length();
                }
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    at += channel.write(buf, at);
                }
                wrote(len);
            }
        };
    }

    /** The writer lets go of the file; it goes once no reader follows it either. */
    void release() throws IOException {
        boolean last;
        synchronized (this) {
            last = --users == 0;
        }
        if (last) {
            channel.close();
        }
    }

    /**
     * A stream of the content from its first byte, following it as it grows; null when the file is gone (its writer
     * and every reader let go already).
     */
    synchronized InputStream follow() {
        if (users == 0) {
            return null;
        }
        users++;
        return new BlockInputStream() {
            private long at;
            private boolean closed;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                long available;
                synchronized (GrowingFile.this) {
                    awaitMore(() -> at >= length());
                    available = length() - at;
                }
                if (available == 0) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, available)), at);
                at += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    release();
                }
            }
        };
    }
}
