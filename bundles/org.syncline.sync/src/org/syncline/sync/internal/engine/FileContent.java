package org.syncline.sync.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import org.syncline.core.Sha256;
import org.syncline.core.chunk.Chunk;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;

/** A local file's content as the hub names it: its SHA-256 and its content-defined chunks, read in one pass. */
record FileContent(long size, String sha256, List<ChunkRef> chunks) {
    @FunctionalInterface
    interface ChunkSink {
        void accept(Chunk chunk) throws IOException, InterruptedException;
    }

    static FileContent of(Path file) throws IOException {
        try {
            return read(file, c -> false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Reads the file once more and hands the chunks {@code wanted} accepts to {@code sink}. */
    static FileContent read(Path file, Predicate<String> wanted, ChunkSink sink) throws IOException, InterruptedException {
        MessageDigest whole = Sha256.newDigest();
        List<ChunkRef> refs = new ArrayList<>();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ChunkReader.MIN_SIZE + 1);
            if (head.length <= ChunkReader.MIN_SIZE) {
                // a file below the chunker's minimum is one chunk (or none), as the chunker would cut it; reading it
                // directly spares the chunker's 256 KiB buffer, allocated and zeroed per file (10,000 small files: 2.5 GiB)
                return small(head, wanted, sink);
            }
            ChunkReader reader = new ChunkReader(new SequenceInputStream(new ByteArrayInputStream(head), in));
            for (Chunk c; (c = reader.next()) != null;) {
                whole.update(c.data());
                refs.add(new ChunkRef(c.sha256(), c.length()));
                size += c.length();
                if (sink != null && wanted.test(c.sha256())) {
                    sink.accept(c);
                }
            }
        }
        return new FileContent(size, HexFormat.of().formatHex(whole.digest()), refs);
    }

    private static FileContent small(byte[] data, Predicate<String> wanted, ChunkSink sink) throws IOException, InterruptedException {
        if (data.length == 0) {
            return new FileContent(0, Sha256.hex(data), List.of());
        }
        Chunk c = new Chunk(0, data, Sha256.hex(data));
        if (sink != null && wanted.test(c.sha256())) {
            sink.accept(c);
        }
        return new FileContent(data.length, c.sha256(), List.of(new ChunkRef(c.sha256(), c.length())));
    }
}
