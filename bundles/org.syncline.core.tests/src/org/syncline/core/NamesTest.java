package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "alice.smith", "bob_2", "x"})
    void acceptsValidNames(String name) {
        assertEquals(name, Names.requireUserName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Admin", "-x", "a b", "a/b", "é", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesInvalidNames(String name) {
        SynclineException e = assertThrows(SynclineException.class, () -> Names.requireUserName(name));
        assertEquals(ErrorCode.INVALID_NAME, e.code());
    }

    @Test
    void printableMasksControlCharacters() {
        assertEquals("a?b", Names.printable("a\nb"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "Résumé 2026 (final).docx", ".hidden", "a..b"})
    void acceptsFileNames(String name) {
        assertEquals(name, Names.requireFileName(name, "document"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "/etc", "tab\tname", "nul\u0000"})
    void refusesFileNamesThatAreNotPlainNames(String name) {
        SynclineException e = assertThrows(SynclineException.class, () -> Names.requireFileName(name, "document"));
        assertEquals(ErrorCode.INVALID_NAME, e.code());
        assertEquals(true, e.getMessage().contains("document name"), e.getMessage());
    }

    @Test
    void fileNamesAreLimitedTo255BytesNotCharacters() {
        Names.requireFileName("a".repeat(255), "document");
        // 128 two-byte characters are 256 bytes
        SynclineException e = assertThrows(SynclineException.class, () -> Names.requireFileName("é".repeat(128), "document"));
        assertEquals(true, e.getMessage().contains("255 bytes"), e.getMessage());
    }
}
