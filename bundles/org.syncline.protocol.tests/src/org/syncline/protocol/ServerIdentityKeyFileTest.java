package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity's key file goes through core's AtomicFiles owner-only; this checks the wiring. */
class ServerIdentityKeyFileTest {
    @TempDir
    Path tmp;

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
