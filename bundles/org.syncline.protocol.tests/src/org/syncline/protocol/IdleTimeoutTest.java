package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.testing.RawTlsClient;
import org.syncline.core.json.Json;

class IdleTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void silentSessionsAreClosedWhilePingingClientsStay() throws Exception {
        EndpointSettings settings = EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "1", "t")
                .withIdleTimeout(1);
        try (TestServer server = new TestServer(dir, settings, e -> e.handle("t.echo", Access.USER,
                (ctx, b) -> Json.object("session", ctx.sessionId())))) {
            try (Connection pinging = server.connect("alice"); RawTlsClient silent = new RawTlsClient(server.address)) {
                long session = pinging.request("t.echo", Json.object()).number("session");
                List<ConnectionState> changes = new CopyOnWriteArrayList<>();
                pinging.addStateListener(changes::add);
                silent.hello(ProtocolConstants.VERSION);
                assertEquals(FrameKind.WELCOME, silent.readFrame().kind());
                long start = System.currentTimeMillis();
                assertTrue(silent.closedByServer(), "a session that sends nothing is closed");
                long waited = System.currentTimeMillis() - start;
                assertTrue(waited < 8_000, "closed after " + waited + " ms");
                // three more idle timeouts: the pinging session must be the same one, never dropped and re-made
                Thread.sleep(3_000);
                assertEquals(List.of(), changes, "the pinging connection lost its session");
                assertEquals(session, pinging.request("t.echo", Json.object()).number("session"));
            }
        }
    }
}
