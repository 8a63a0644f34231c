package org.syncline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;

class ServerOptionsTest {

    @Test
    void settingsAreTypedAndNameTheirKeyWhenWrong() {
        ServerOptions o = ServerOptions.parse(new String[] { "--set", "sync.trash-retention=30d", "--set", "sync.quota=5",
                "--set", "docs.heartbeat=PT15S" });
        assertEquals(Duration.ofDays(30), o.settings().duration("sync.trash-retention", Duration.ZERO));
        assertEquals(Duration.ofSeconds(15), o.settings().duration("docs.heartbeat", Duration.ZERO));
        assertEquals(Duration.ofHours(2), o.settings().duration("sync.absent", Duration.ofHours(2)));
        assertEquals(5, o.settings().longValue("sync.quota", 0, 0, 10));
        assertEquals(Set.of("sync", "docs"), o.settings().capabilityNames());
        SynclineException bad = assertThrows(SynclineException.class, () -> o.settings().longValue("sync.quota", 0, 6, 10));
        assertTrue(bad.getMessage().contains("sync.quota"), bad.getMessage());
        SynclineException badDuration = assertThrows(SynclineException.class,
                () -> ServerOptions.parse(new String[] { "--set", "sync.x=soon" }).settings().duration("sync.x", Duration.ZERO));
        assertTrue(badDuration.getMessage().contains("sync.x"), badDuration.getMessage());
        SynclineException noCapability = assertThrows(SynclineException.class,
                () -> ServerOptions.parse(new String[] { "--set", "retention=30d" }));
        assertTrue(noCapability.getMessage().contains("CAPABILITY.KEY=VALUE"), noCapability.getMessage());
    }

    @Test
    void joinNeedsItsToken() {
        ServerOptions o = ServerOptions.parse(new String[] { "--join", "registry.example:7443", "--token", " abc " });
        assertEquals(new HostPort("registry.example", 7443), o.join().orElseThrow().server());
        assertEquals("abc", o.join().orElseThrow().token());
        assertTrue(ServerOptions.parse(new String[0]).join().isEmpty());
        SynclineException alone = assertThrows(SynclineException.class,
                () -> ServerOptions.parse(new String[] { "--join", "registry.example:7443" }));
        assertTrue(alone.getMessage().contains("--token"), alone.getMessage());
    }
}
