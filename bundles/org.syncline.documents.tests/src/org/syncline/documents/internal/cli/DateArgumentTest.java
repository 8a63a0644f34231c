package org.syncline.documents.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class DateArgumentTest {
    @Test
    void datesAreDaysInUtcOrInstants() {
        assertEquals(Instant.parse("2026-11-22T00:00:00Z"), DateArgument.parse("--modified-after", "2026-11-22"));
        assertEquals(Instant.parse("2026-11-22T10:15:00Z"), DateArgument.parse("--modified-after", "2026-11-22T10:15:00Z"));
        SynclineException e = assertThrows(SynclineException.class, () -> DateArgument.parse("--modified-before", "last week"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith("--modified-before takes a date"), e.getMessage());
    }
}
