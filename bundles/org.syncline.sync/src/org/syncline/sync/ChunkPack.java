package org.syncline.sync;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
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
 * files cost one request, not one per chunk. Each entry: the chunk's SHA-256 (32 bytes), a 4-byte big-endian
 * word, then the chunk's bytes. When the word's top bit is clear, its value is the length of the deflated bytes
 * that follow; when set, the other 31 bits are the length of the chunk's bytes, which follow as they are
 * ("stored", at most {@link ChunkReader#MAX_SIZE}). The stream ends after the last entry.
 * <p>
 * A writer stores a chunk when deflating would not save at least a sixteenth of it: random or already compressed
 * content (video, archives: what large files mostly are) does not shrink, and deflating and inflating it took both
 * cores of a 1 GiB sync for nothing. So that an incompressible chunk does not pay a whole deflate just to learn that,
 * the writer first deflates a small prefix of it and stores the chunk when the prefix does not shrink.
 */
public final class ChunkPack {
    /** A packed request carries at most this many raw bytes, so either side holds a bounded amount. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** And at most this many chunks. */
    public static final int MAX_CHUNKS = 1000;
    private static final int HASH = 32;
    /** The length word's bit that says the bytes follow stored, not deflated. */
    private static final int STORED = 0x8000_0000;
    /** Bytes of a chunk deflated first to judge whether the whole is worth deflating. */
    private static final int PROBE = 4 * 1024;
    /** A chunk is deflated only when that saves at least 1/SAVING of its bytes. */
    private static final int SAVING = 16;
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<byte[]> DEFLATED = ThreadLocal.withInitial(() -> new byte[ChunkReader.MAX_SIZE]);

    private ChunkPack() {
    }

    /**
     * One chunk read from a pack, inflated, its hash not yet checked (the blob store checks it); {@code stored}: it came
     * as a stored entry, so its writer judged that deflating would not save a sixteenth of it.
     */
    public record Entry(String sha256, byte[] data, boolean stored) {
        public Entry(String sha256, byte[] data) {
            this(sha256, data, false);
        }
    }

    /** Writes one entry, deflated when that saves at least a sixteenth of its bytes, else stored. */
    public static void write(OutputStream out, String sha256, byte[] data, int length) throws IOException {
        write(out, sha256, data, length, true);
    }

    /**
     * Writes one entry; {@code mayStore} false deflates it whatever it saves, for a reader that knows only deflated
     * entries (a client from before stored entries, which does not ask for them).
     */
    public static void write(OutputStream out, String sha256, byte[] data, int length, boolean mayStore) throws IOException {
        if (!mayStore) {
            byte[] deflated = deflate(data, length);
            out.write(HexFormat.of().parseHex(sha256));
            writeInt(out, deflated.length);
            out.write(deflated);
            return;
        }
        byte[] buf = DEFLATED.get();
        if (buf.length < length) {
            buf = new byte[length];
        }
        int deflated = length > 2 * PROBE && deflateInto(data, PROBE, buf) < 0 ? -1 : deflateInto(data, length, buf);
        if (deflated < 0) {
            writeStored(out, sha256, data, length);
        } else {
            out.write(HexFormat.of().parseHex(sha256));
            writeInt(out, deflated);
            out.write(buf, 0, deflated);
        }
    }

    /**
     * Writes one stored entry without judging it again: for a chunk already judged not to shrink (its uploader sent it
     * stored), to a reader that reads stored entries.
     */
    public static void writeStored(OutputStream out, String sha256, byte[] data, int length) throws IOException {
        out.write(HexFormat.of().parseHex(sha256));
        writeInt(out, STORED | length);
        out.write(data, 0, length);
    }

    /**
     * Deflates the first {@code length} bytes of {@code data} into {@code buf}; returns how many bytes that made, or -1
     * when they did not fit in what saves a sixteenth (the deflater stops there, not at the end of the input).
     */
    private static int deflateInto(byte[] data, int length, byte[] buf) {
        int limit = length - length / SAVING;
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        int n = 0;
        while (!deflater.finished() && n < limit) {
            n += deflater.deflate(buf, n, limit - n);
        }
        return deflater.finished() ? n : -1;
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v });
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
            try {
                return next(hash);
            } catch (EOFException e) {
                throw bad("an entry cut short (the stream ended inside it)");
            }
        }

        private Entry next(byte[] hash) throws IOException {
            in.readFully(hash, 1, HASH - 1);
            int word = in.readInt();
            int length = word & ~STORED;
            if ((word & STORED) != 0) {
                if (length > ChunkReader.MAX_SIZE) {
                    throw bad("a stored entry of " + length + " bytes");
                }
                byte[] data = new byte[length];
                in.readFully(data);
                return new Entry(HexFormat.of().formatHex(hash), data, true);
            }
            if (length > ChunkReader.MAX_SIZE + 1024) {
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
     * Takes a downloaded pack as it arrives (bounded: what was asked for, deflated or stored, cannot exceed it by much)
     * and hands each chunk to the sink once it is whole and checked: the one asked for at that place, its bytes hashing
     * to its name. A pack is not held whole (a large file's 4 MiB windows, one buffer each, were most of a downloading
     * agent's garbage collections); what is wrong with it is thrown at {@link #close}, after the stream ended, and the
     * caller drops what the sink got.
     */
    public static final class Unpacking extends OutputStream {
        private final java.util.List<String> asked;
        private final Sink sink;
        private byte[] pending = new byte[64 * 1024];
        private int filled;
        private long received;
        private int next;
        private SynclineException failure;
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
            received += len;
            if (received > MAX_BYTES + asked.size() * (HASH + 4 + 1024L)) {
                throw new IOException("the hub sent more than the " + asked.size() + " chunks asked for");
            }
            if (failure != null) {
                return; // the rest is not looked at; close reports the failure
            }
            if (filled + len > pending.length) {
                pending = java.util.Arrays.copyOf(pending, Math.max(filled + len, pending.length * 2));
            }
            System.arraycopy(b, off, pending, filled, len);
            filled += len;
            int at = 0;
            try {
                while (filled - at >= HASH + 4) {
                    int word = (pending[at + HASH] & 0xff) << 24 | (pending[at + HASH + 1] & 0xff) << 16 | (pending[at + HASH + 2] & 0xff) << 8
                            | pending[at + HASH + 3] & 0xff;
                    int length = word & ~STORED;
                    if (length > ChunkReader.MAX_SIZE + 1024) {
                        throw bad("an entry of " + length + " bytes");
                    }
                    if (filled - at < HASH + 4 + length) {
                        break;
                    }
                    Entry e = new Reader(new java.io.ByteArrayInputStream(pending, at, HASH + 4 + length)).next();
                    at += HASH + 4 + length;
                    accept(e);
                }
            } catch (SynclineException e) {
                failure = e;
            }
            System.arraycopy(pending, at, pending, 0, filled - at);
            filled -= at;
        }

        private void accept(Entry e) throws IOException {
            if (next >= asked.size()) {
                return; // more than was asked: not handed on
            }
            String sha = asked.get(next);
            if (!e.sha256().equals(sha) || !matches(e)) {
                throw notIntact(sha);
            }
            next++;
            sink.accept(sha, e.data());
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (failure != null) {
                throw failure;
            }
            if (filled > 0) {
                throw bad("an entry cut short (the stream ended inside it)");
            }
            if (next < asked.size()) {
                throw notIntact(asked.get(next));
            }
        }

        private static SynclineException notIntact(String sha) {
            return new SynclineException(ErrorCode.INTEGRITY, "The hub's chunk pack did not hold chunk " + sha
                    + " intact; it is fetched again at the next sync.");
        }
    }

    /** Whether {@code sha256} names the bytes: a reader checks what it did not store through the blob store. */
    public static boolean matches(Entry e) {
        return Sha256.hex(e.data()).equals(e.sha256());
    }

    private static SynclineException bad(String what) {
        return new SynclineException(ErrorCode.BAD_REQUEST, "A chunk pack held " + what + "; send chunks of at most "
                + ChunkReader.MAX_SIZE + " bytes, each deflated or stored.");
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
