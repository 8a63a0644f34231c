package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.Sha256;
import org.syncline.core.chunk.Chunk;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;

/** A file's content names exactly what the chunker cuts, whether the file is read directly (small) or chunked. */
class FileContentTest {
    @TempDir
    Path dir;

    @Test
    void everySizeAroundTheChunkersMinimumGetsTheChunkersChunksAndTheWholeHash() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] { 0, 1, 4096, ChunkReader.MIN_SIZE - 1, ChunkReader.MIN_SIZE, ChunkReader.MIN_SIZE + 1, 300 * 1024 }) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            Path file = dir.resolve("f" + size);
            Files.write(file, data);
            List<ChunkRef> expected = new ArrayList<>();
            ChunkReader reader = new ChunkReader(new ByteArrayInputStream(data));
            for (Chunk c; (c = reader.next()) != null;) {
                expected.add(new ChunkRef(c.sha256(), c.length()));
            }
            List<String> sent = new ArrayList<>();
            FileContent content = FileContent.read(file, sha -> true, c -> sent.add(c.sha256()));
            assertEquals(new FileContent(size, Sha256.hex(data), expected), content, "size " + size);
            assertEquals(expected.stream().map(ChunkRef::sha256).toList(), sent, "the chunks handed on, size " + size);
            assertEquals(content, FileContent.of(file));
        }
    }
}
