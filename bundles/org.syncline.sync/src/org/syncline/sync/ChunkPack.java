package org.syncline.sync;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkReader;

/**
 * Many chunks in one stream ({@link SyncMessages#CHUNKS_PUT}, {@link SyncMessages#CHUNKS_GET}), so many small
 * files cost one request, not one per chunk. Each entry: the chunk's SHA-256 (32 bytes), the length of its
 * deflated bytes (4 bytes, big-endian), the deflated bytes. The stream ends after the last entry.
 */
public final class ChunkPack {
    /** A packed request carries at most this many raw bytes, so either side holds a bounded amount. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** And at most this many chunks. */
    public static final int MAX_CHUNKS = 1000;
    private static final int HASH = 32;
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    private ChunkPack() {
    }

    /** One chunk read from a pack, inflated, its hash not yet checked (the blob store checks it). */
    public record Entry(String sha256, byte[] data) {
    }

    /** Writes one entry. */
    public static void write(OutputStream out, String sha256, byte[] data, int length) throws IOException {
        byte[] deflated = deflate(data, length);
        out.write(HexFormat.of().parseHex(sha256));
        out.write(new byte[] { (byte) (deflated.length >>> 24), (byte) (deflated.length >>> 16), (byte) (deflated.length >>> 8),
                (byte) deflated.length });
        out.write(deflated);
    }

    /** Reads entries one at a time; each is at most {@link ChunkReader#MAX_SIZE} bytes once inflated. */
    public static final class Reader {
        private final DataInputStream in;

        public Reader(InputStream in) {
            this.in = new DataInputStream(in);
        }

        /** The next entry, or null at the end of the stream. */
        public Entry next() throws IOException {
            byte[] hash = new byte[HASH];
            int first = in.read();
            if (first < 0) {
                return null;
            }
            hash[0] = (byte) first;
            in.readFully(hash, 1, HASH - 1);
            int length = in.readInt();
            if (length < 0 || length > ChunkReader.MAX_SIZE + 1024) {
                throw bad("an entry of " + length + " deflated bytes");
            }
            byte[] deflated = new byte[length];
            in.readFully(deflated);
            Inflater inflater = INFLATERS.get();
            inflater.reset();
            try {
                inflater.setInput(deflated);
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length * 2));
                byte[] buf = new byte[Math.min(16 * 1024, Math.max(1024, length * 2))];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw bad("a chunk whose deflated bytes end early");
                    }
                    out.write(buf, 0, n);
                    if (out.size() > ChunkReader.MAX_SIZE) {
                        throw bad("a chunk larger than " + ChunkReader.MAX_SIZE + " bytes");
                    }
                }
                return new Entry(HexFormat.of().formatHex(hash), out.toByteArray());
            } catch (DataFormatException e) {
                throw bad("a chunk that does not inflate (" + e.getMessage() + ")");
            }
        }
    }

    /** Receives the chunks of a download. */
    @FunctionalInterface
    public interface Sink {
        void accept(String sha256, byte[] data) throws IOException;
    }

    /**
     * Collects a downloaded pack (bounded: what was asked for, deflated, cannot exceed it by much) and, when
     * closed, hands each chunk to the sink after checking that the hub sent what was asked, in order.
     */
    public static final class Unpacking extends OutputStream {
        private final java.util.List<String> asked;
        private final Sink sink;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private boolean closed;

        public Unpacking(java.util.List<String> asked, Sink sink) {
            this.asked = asked;
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (buffer.size() + len > MAX_BYTES + asked.size() * (HASH + 4 + 1024L)) {
                throw new IOException("the hub sent more than the " + asked.size() + " chunks asked for");
            }
            buffer.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            Reader reader = new Reader(new java.io.ByteArrayInputStream(buffer.toByteArray()));
            for (String sha : asked) {
                Entry e = reader.next();
                if (e == null || !e.sha256().equals(sha) || !matches(e)) {
                    throw new SynclineException(ErrorCode.INTEGRITY, "The hub's chunk pack did not hold chunk " + sha
                            + " intact; it is fetched again at the next sync.");
                }
                sink.accept(sha, e.data());
            }
        }
    }

    /** Whether {@code sha256} names the bytes: a reader checks what it did not store through the blob store. */
    public static boolean matches(Entry e) {
        return Sha256.hex(e.data()).equals(e.sha256());
    }

    private static SynclineException bad(String what) {
        return new SynclineException(ErrorCode.BAD_REQUEST, "A chunk pack held " + what + "; send chunks of at most "
                + ChunkReader.MAX_SIZE + " bytes, each deflated.");
    }

    private static byte[] deflate(byte[] data, int length) {
        // one deflater per thread, reset between chunks: a new one per 4 KiB chunk cost zlib's set-up (a few hundred
        // KiB of native tables) and a 64 KiB buffer each, on both sides of an initial sync of small files
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
        byte[] buf = new byte[Math.min(64 * 1024, length + 64)];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        return out.toByteArray();
    }
}
