package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void parsesValuesFlagsAndPositionals() {
        CommandLine c = CommandLine.parse(new String[] {"user", "--server=h:1", "add", "--json", "--port", "80", "bob"},
                Set.of("server", "port"), Set.of("json"));
        assertEquals("h:1", c.value("server").orElseThrow());
        assertEquals(80, c.intValue("port", 7443, 0, 65535));
        assertTrue(c.flag("json"));
        assertFalse(c.flag("admin"));
        assertEquals(List.of("user", "add", "bob"), c.positionals());
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        SynclineException e = assertThrows(SynclineException.class,
                () -> CommandLine.parse(new String[] {"--nope"}, Set.of(), Set.of()));
        assertTrue(e.getMessage().contains("--nope"));
        CommandLine c = CommandLine.parse(new String[] {"--port", "99999"}, Set.of("port"), Set.of());
        assertTrue(assertThrows(SynclineException.class, () -> c.intValue("port", 1, 0, 65535)).getMessage().contains("--port"));
        assertThrows(SynclineException.class, () -> CommandLine.parse(new String[] {"--port"}, Set.of("port"), Set.of()));
    }

    @Test
    void passwordFileTakesFirstLine() throws Exception {
        Path f = dir.resolve("pw");
        Files.writeString(f, "s3cret pass\r\nignored\n");
        assertEquals("s3cret pass", new String(PasswordFile.read(f)));
        Files.writeString(f, "");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> PasswordFile.read(f)).code());
        assertTrue(assertThrows(SynclineException.class, () -> PasswordFile.read(dir.resolve("missing"))).getMessage().contains("does not exist"));
    }

    @Test
    void rolesParseAllOrKnownNames() {
        assertEquals(Set.copyOf(Roles.ALL), Roles.parse("all"));
        assertEquals(Set.of("hub", "relay"), Roles.parse("hub, relay"));
        assertTrue(assertThrows(SynclineException.class, () -> Roles.parse("hub,dns")).getMessage().contains("dns"));
    }

    @Test
    void repeatedOptionsKeepEveryValueAndTheLastWins() {
        CommandLine c = CommandLine.parse(new String[] { "--set", "a.b=1", "--set=a.c=2", "--port", "1", "--port", "2" },
                java.util.Set.of("set", "port"), java.util.Set.of());
        assertEquals(java.util.List.of("a.b=1", "a.c=2"), c.values("set"));
        assertEquals(java.util.List.of(), c.values("absent"));
        assertEquals(2, c.intValue("port", 0, 0, 9));
    }
}
