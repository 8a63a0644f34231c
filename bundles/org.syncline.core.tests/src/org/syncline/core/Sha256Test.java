package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void matchesKnownVector() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(expected, Sha256.hex(abc));
        assertEquals(expected, Sha256.hex(new ByteArrayInputStream(abc)));
        assertTrue(Sha256.isHex(expected));
        assertFalse(Sha256.isHex(expected.toUpperCase()));
        assertTrue(Sha256.fingerprint(abc).startsWith("BA:78:16:BF"));
    }
}
