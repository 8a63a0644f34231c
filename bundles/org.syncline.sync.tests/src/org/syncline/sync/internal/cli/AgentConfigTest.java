package org.syncline.sync.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class AgentConfigTest {
    @TempDir
    Path dir;

    @Test
    void keysPairsAndCommentsAreRead() throws IOException {
        Path f = Files.writeString(dir.resolve("agent.conf"), "# my laptop\nserver = hub:7443\nuser=ann\npair = /home/ann/Docs=docs\npair=/tmp/x=y=z\n");
        AgentConfig c = AgentConfig.read(f);
        assertEquals("hub:7443", c.get("server", null));
        assertEquals("given", c.get("server", "given"), "an option on the command line wins");
        assertEquals(List.of("/home/ann/Docs=docs", "/tmp/x=y=z"), c.pairs());
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine() throws IOException {
        Path f = Files.writeString(dir.resolve("agent.conf"), "server = a\nsevrer = b\n");
        SynclineException e = assertThrows(SynclineException.class, () -> AgentConfig.read(f));
        assertEquals(ErrorCode.CONFIG, e.code());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void rightsWordsOfTheCli() {
        assertEquals("write", FolderCommands.right("rw"));
        assertEquals("read", FolderCommands.right("read"));
        assertEquals("manage", FolderCommands.right("MANAGE"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> FolderCommands.right("all")).code());
    }

    @Test
    void bandwidthLimitsTakeBytesOrUnitsAndRefuseTheRest() {
        assertEquals(0, AgentCommand.limit(null), "no limit given");
        assertEquals(1_000_000, AgentCommand.limit("1000000"));
        assertEquals(524_288, AgentCommand.limit("512K"));
        assertEquals(2_097_152, AgentCommand.limit(" 2 MiB "));
        assertEquals(2_000_000, AgentCommand.limit("2MB"));
        for (String bad : new String[] { "-5", "fast", "1.5", "10 parsecs" }) {
            SynclineException e = assertThrows(SynclineException.class, () -> AgentCommand.limit(bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("512K"), e.getMessage());
        }
    }
}
