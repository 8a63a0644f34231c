package org.syncline.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The mime type of a document from its first bytes and its name. The bytes win when they carry a known
 * signature, since a name is only a claim; for container formats (zip, OLE2, XML) the name says what the
 * container holds (a .docx is a zip), so a type the name gives is kept. Without either, bytes that decode
 * as UTF-8 without NULs are text.
 */
public final class MimeTypes {
    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD = 512;
    public static final String OCTET_STREAM = "application/octet-stream";

    private record Signature(int offset, byte[] bytes, String type, boolean container) {
    }

    private static final Signature[] SIGNATURES = {
        sig(0, "%PDF-", "application/pdf"),
        sig(0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "image/png", false),
        sig(0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "image/jpeg", false),
        sig(0, "GIF87a", "image/gif"),
        sig(0, "GIF89a", "image/gif"),
        sig(8, "WEBP", "image/webp"),
        sig(0, new byte[] {'I', 'I', 0x2A, 0}, "image/tiff", false),
        sig(0, new byte[] {'M', 'M', 0, 0x2A}, "image/tiff", false),
        sig(0, new byte[] {0x1F, (byte) 0x8B}, "application/gzip", false),
        sig(0, new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}, "application/x-7z-compressed", false),
        sig(0, new byte[] {0x7F, 'E', 'L', 'F'}, "application/x-executable", false),
        sig(0, "%!PS", "application/postscript"),
        sig(0, new byte[] {'P', 'K', 3, 4}, "application/zip", true),
        sig(0, new byte[] {'P', 'K', 5, 6}, "application/zip", true),
        sig(0, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                "application/x-ole-storage", true),
        sig(0, "<?xml", "application/xml", true),
    };

    private MimeTypes() {
    }

    /** @param head the first bytes of the content (up to {@link #HEAD}; fewer for a shorter document) */
    public static String detect(byte[] head, String name) {
        Signature s = signature(head);
        String byName = byName(name);
        if (s != null && !s.container()) {
            return s.type();
        }
        if (byName != null) {
            return byName;
        }
        if (s != null) {
            return s.type();
        }
        return looksLikeText(head) ? "text/plain" : OCTET_STREAM;
    }

    private static Signature signature(byte[] head) {
        for (Signature s : SIGNATURES) {
            if (head.length >= s.offset() + s.bytes().length
                    && Arrays.equals(head, s.offset(), s.offset() + s.bytes().length, s.bytes(), 0, s.bytes().length)) {
                if (s.type().equals("image/webp") && !startsWith(head, "RIFF")) {
                    continue;
                }
                return s;
            }
        }
        return null;
    }

    private static String byName(String name) {
        try {
            return Files.probeContentType(Path.of(name));
        } catch (IOException | InvalidPathException e) {
            return null; // the name tells nothing; the content decides
        }
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        // the head may end inside a multi-byte character: ignore up to 3 trailing bytes of one
        for (int cut = 0; cut <= Math.min(3, head.length); cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, head.length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // try without one more trailing byte
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        return head.length >= b.length && Arrays.equals(head, 0, b.length, b, 0, b.length);
    }

    private static Signature sig(int offset, String ascii, String type) {
        return sig(offset, ascii, type, false);
    }

    private static Signature sig(int offset, String ascii, String type, boolean container) {
        return new Signature(offset, ascii.getBytes(StandardCharsets.US_ASCII), type, container);
    }

    private static Signature sig(int offset, byte[] bytes, String type, boolean container) {
        return new Signature(offset, bytes, type, container);
    }
}
