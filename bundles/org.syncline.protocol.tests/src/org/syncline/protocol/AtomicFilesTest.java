package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void anOwnerOnlyFileIsNeverWiderThan0600AndLeavesNoTempFile() throws Exception {
        Path key = tmp.resolve("tls").resolve("server.key");
        AtomicFiles.write(key, new byte[] { 1, 2, 3 }, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        AtomicFiles.write(key, new byte[] { 4, 5 }, true);
        assertArrayEquals(new byte[] { 4, 5 }, Files.readAllBytes(key));
        try (var files = Files.list(key.getParent())) {
            assertEquals(List.of(key), files.toList(), "only the file itself");
        }
    }

    @Test
    void theServerIdentitysKeyIsOwnerOnly() throws Exception {
        ServerIdentity.loadOrCreate(tmp.resolve("tls"), "test");
        try (var files = Files.list(tmp.resolve("tls"))) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().contains("key")) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                }
            }
        }
    }
}
