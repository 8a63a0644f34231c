package org.syncline.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MimeTypesTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Test
    void theContentWinsOverAMisleadingName() {
        assertEquals("image/png", MimeTypes.detect(PNG, "holiday.pdf"));
        assertEquals("application/pdf", MimeTypes.detect(ascii("%PDF-1.7\n%..."), "scan.txt"));
        assertEquals("image/jpeg", MimeTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "photo"));
        assertEquals("image/gif", MimeTypes.detect(ascii("GIF89a...."), "x"));
        assertEquals("application/gzip", MimeTypes.detect(new byte[] {0x1F, (byte) 0x8B, 8, 0}, "data"));
    }

    @Test
    void webpNeedsBothRiffAndWebp() {
        assertEquals("image/webp", MimeTypes.detect(ascii("RIFF\0\0\0\0WEBPVP8 "), "a"));
        assertEquals(MimeTypes.OCTET_STREAM, MimeTypes.detect(new byte[] {'X', 'X', 'X', 'X', 0, 0, 0, 0, 'W', 'E', 'B', 'P'}, "a"));
    }

    @Test
    void aContainerWithoutANameThatSaysMoreIsTheContainer() {
        assertEquals("application/zip", MimeTypes.detect(new byte[] {'P', 'K', 3, 4, 20, 0}, "archive-without-extension"));
        assertEquals("application/xml", MimeTypes.detect(ascii("<?xml version=\"1.0\"?><a/>"), "data-without-extension"));
    }

    @Test
    void withoutASignatureUtf8TextIsTextAndAnythingElseIsOctetStream() {
        assertEquals("text/plain", MimeTypes.detect("Grüße aus Köln\n".getBytes(StandardCharsets.UTF_8), "notes"));
        assertEquals("text/plain", MimeTypes.detect(new byte[0], "empty"));
        assertEquals(MimeTypes.OCTET_STREAM, MimeTypes.detect(new byte[] {1, 2, 0, 4, (byte) 0xFE}, "blob"));
        assertEquals(MimeTypes.OCTET_STREAM, MimeTypes.detect(new byte[] {(byte) 0xC3, 'x', (byte) 0xFF, 'y'}, "latin"));
    }

    @Test
    void textCutInsideAMultiByteCharacterIsStillText() {
        byte[] full = "ab€".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        assertEquals("text/plain", MimeTypes.detect(cut, "cut"));
    }

    @Test
    void theNameDecidesForTextItKnows() {
        assertEquals("text/plain", MimeTypes.detect(ascii("hello"), "hello.txt"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
