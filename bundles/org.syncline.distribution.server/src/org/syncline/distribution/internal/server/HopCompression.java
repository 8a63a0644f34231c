package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.syncline.core.CountingOutputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

/**
 * How a hop's deltas are compressed: {@code codec} {@code deflate} or {@code zstd} at {@code level} 0-9 (0: not
 * at all; zstd takes the level as its own, 1-9 being its fast range). A message without a codec means deflate,
 * which every agent reads; an agent says which codecs it reads with {@code distribution.content.codecs}, and a
 * zstd hop is only planned between agents that read it.
 */
record HopCompression(String codec, int level) {
    static final String DEFLATE = "deflate";
    static final String ZSTD = "zstd";
    /** What this agent reads and writes. */
    static final List<String> CODECS = List.of(DEFLATE, ZSTD);

    HopCompression {
        codec = codec == null || codec.isEmpty() ? DEFLATE : codec.toLowerCase(Locale.ROOT);
        if (!CODECS.contains(codec)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A codec is deflate or zstd, not '" + Names.printable(codec) + "'.");
        }
        if (level < 0 || level > 9) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A compression level is 0-9, not " + level + ".");
        }
    }

    /** The codec and level a message names ({@code codec}, {@code level}; deflate and 0 when absent). */
    static HopCompression of(JsonObject body) {
        long level = body.optNumber("level", 0);
        if (level < 0 || level > 9) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A compression level is 0-9, not " + level + ".");
        }
        return new HopCompression(body.optString("codec", DEFLATE), (int) level);
    }

    /**
     * A stream compressing into {@code out}; closing it ends the compressed stream but leaves {@code out} open
     * ({@link CountingOutputStream} closes by flushing only).
     */
    OutputStream compress(OutputStream out) throws IOException {
        if (level == 0) {
            return new CountingOutputStream(out);
        }
        if (codec.equals(ZSTD)) {
            return new ZstdOutputStream(new CountingOutputStream(out), level);
        }
        Deflater deflater = new Deflater(level);
        return new DeflaterOutputStream(new CountingOutputStream(out), deflater, 65536) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deflater.end();
                }
            }
        };
    }

    /** The plain bytes of a stream compressed by {@link #compress}. */
    InputStream decompress(InputStream in) throws IOException {
        if (level == 0) {
            return in;
        }
        return codec.equals(ZSTD) ? new ZstdInputStream(in) : inflating(in, new Inflater());
    }

    /** Inflates {@code in} with {@code inflater}, which closing the stream ends (its native memory is freed then, not at GC). */
    static InputStream inflating(InputStream in, Inflater inflater) {
        return new InflaterInputStream(in, inflater, 65536) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }
}
