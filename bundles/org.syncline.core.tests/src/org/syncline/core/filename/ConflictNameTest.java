package org.syncline.core.filename;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConflictNameTest {
    private static final Instant T = Instant.parse("2026-11-22T09:05:07.123Z");

    @Test
    void theTagGoesBeforeTheExtension() {
        assertEquals("report (conflict ann 2026-11-22 090507).pdf", ConflictName.of("report.pdf", "ann", T));
        assertEquals("archive.tar (conflict ann 2026-11-22 090507).gz", ConflictName.of("archive.tar.gz", "ann", T));
    }

    @Test
    void namesWithoutExtensionAndDotfilesGetItAtTheEnd() {
        assertEquals("README (conflict ben 2026-11-22 090507)", ConflictName.of("README", "ben", T));
        assertEquals(".bashrc (conflict ben 2026-11-22 090507)", ConflictName.of(".bashrc", "ben", T));
    }

    @Test
    void aSecondCopyInTheSameSecondIsNumberedAndPathsKeepTheirFolder() {
        assertEquals("a/b/x (conflict ann 2026-11-22 090507 2).txt", ConflictName.ofPath("a/b/x.txt", "ann", T, 2));
        assertEquals("x (conflict ann 2026-11-22 090507).txt", ConflictName.ofPath("x.txt", "ann", T, 1));
    }
}
