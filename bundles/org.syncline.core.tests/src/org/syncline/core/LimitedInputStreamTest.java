package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void passesContentUpToTheLimitUnchanged() throws IOException {
        byte[] content = {1, 2, 3, 4, 5};
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(content), 5, "too long")) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void theReadPastTheLimitFailsWithTheGivenSentence() throws IOException {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[6]), 5, "a chunk is at most 5 bytes")) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertEquals("a chunk is at most 5 bytes", e.getMessage());
        }
    }

    @Test
    void singleByteReadsAndSkipsCountToo() throws IOException {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[4]), 2, "over")) {
            assertEquals(0, in.read());
            assertEquals(1, in.skip(1));
            assertThrows(IOException.class, in::read);
        }
    }
}
