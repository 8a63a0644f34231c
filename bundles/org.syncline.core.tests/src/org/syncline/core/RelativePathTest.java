package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathTest {

    @Test
    void keepsSegmentsAndResolvesInsideRoot() {
        RelativePath p = RelativePath.parse("docs/2026/report.pdf");
        assertEquals(3, p.segments().size());
        Path root = Path.of("/data/root");
        assertEquals(Path.of("/data/root/docs/2026/report.pdf"), p.resolveIn(root));
        assertEquals("docs/2026/report.pdf", p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../secret", "a/../../b", "a//b", "a/./b", "a\\b", "a/\u0000b", "a/"})
    void refusesPathTricks(String bad) {
        SynclineException e = assertThrows(SynclineException.class, () -> RelativePath.parse(bad));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().startsWith("The path"), e.getMessage());
    }
}
