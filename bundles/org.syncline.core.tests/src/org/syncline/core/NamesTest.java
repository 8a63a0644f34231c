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
}
