package org.syncline.documents.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.documents.BatchFile;

/** A batch's files as one stream: their bytes in order, each held to the length declared for it. */
class FileBatchTest {
    @TempDir
    Path dir;

    @Test
    void sendsTheFilesOneAfterTheOtherAndDeclaresTheirSizes() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "alpha");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path b = Files.writeString(dir.resolve("b.txt"), "bravo!");
        List<BatchFile> entries = FileBatch.entries(List.of(a, empty, b), "Ann", "d", List.of("t"));
        assertEquals(List.of(new BatchFile("a.txt", "Ann", "d", List.of("t"), 5), new BatchFile("empty", "Ann", "d", List.of("t"), 0),
                new BatchFile("b.txt", "Ann", "d", List.of("t"), 6)), entries);
        try (InputStream in = new FileBatch(List.of(a, empty, b))) {
            assertArrayEquals("alphabravo!".getBytes(), in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void oneReadFillsTheBufferAcrossFiles() throws IOException {
        // a short read makes the upload send a frame: small files must not go one frame each
        Path a = Files.writeString(dir.resolve("a.txt"), "alpha");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path b = Files.writeString(dir.resolve("b.txt"), "bravo!");
        Path c = Files.writeString(dir.resolve("c.txt"), "charlie");
        try (InputStream in = new FileBatch(List.of(a, empty, b, c))) {
            byte[] buf = new byte[14];
            assertEquals(14, in.read(buf, 0, buf.length));
            assertArrayEquals("alphabravo!cha".getBytes(), buf);
            assertEquals(4, in.read(buf, 0, buf.length));
            assertArrayEquals("rlie".getBytes(), java.util.Arrays.copyOf(buf, 4));
            assertEquals(-1, in.read(buf, 0, buf.length));
        }
    }

    @Test
    void aFileThatGrewSinceTheBatchStartedFailsTheStream() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "alpha");
        Path b = Files.writeString(dir.resolve("b.txt"), "bravo");
        try (InputStream in = new FileBatch(List.of(a, b))) {
            Files.writeString(a, "alphabet");
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("a.txt grew"), e.getMessage());
        }
    }

    @Test
    void aFileThatShrankFailsTheStream() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "alpha");
        try (InputStream in = new FileBatch(List.of(a))) {
            Files.writeString(a, "al");
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("a.txt is shorter"), e.getMessage());
        }
    }
}
