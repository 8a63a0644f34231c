package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.json.Json;

/** A capability registers only names under its own prefix, and the server can close a user's sessions. */
class CapabilityEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void namesOutsideTheCapabilitysPrefixAreRefused() throws Exception {
        AtomicReference<CapabilityEndpoint> docs = new AtomicReference<>();
        try (TestServer server = new TestServer(tmp, EndpointSettings.of(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), "9.9.9", "test"),
                e -> docs.set(e.forCapability("docs")))) {
            RequestHandler echo = (ctx, body) -> Map.of("ok", true);
            assertThrows(IllegalArgumentException.class, () -> docs.get().handle("sync.list", Access.USER, echo));
            assertThrows(IllegalArgumentException.class, () -> docs.get().handle("docs.", Access.USER, echo));
            assertThrows(IllegalArgumentException.class, () -> docs.get().handle("docsx.list", Access.USER, echo));
            assertThrows(IllegalArgumentException.class, () -> docs.get().topic("server.status", Access.USER));
            assertThrows(IllegalArgumentException.class, () -> server.endpoint.forCapability("session"));
            assertThrows(IllegalArgumentException.class, () -> server.endpoint.forCapability("Docs"));
            docs.get().handle("docs.list", Access.USER, echo);
            try (Connection c = server.connect("alice")) {
                assertEquals(Boolean.TRUE, c.request("docs.list", Json.object()).map().get("ok"));
            }
        }
    }

    @Test
    void closingAUsersSessionsSparesTheOneThatAskedAndOtherUsers() throws Exception {
        try (TestServer server = new TestServer(tmp)) {
            try (Connection keep = server.connect("alice"); Connection other = server.connect("alice");
                    Connection admin = server.connect("admin")) {
                AtomicReference<Long> keepId = new AtomicReference<>();
                server.endpoint.forCapability("probe").handle("probe.id", Access.USER, (ctx, body) -> {
                    keepId.set(ctx.sessionId());
                    return Map.of();
                });
                keep.request("probe.id", Json.object());
                assertEquals(1, server.endpoint.closeSessionsOf("alice", keepId.get(), "test"));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (other.state() == ConnectionState.CONNECTED && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(other.state() != ConnectionState.CONNECTED, "alice's other session was closed");
                assertEquals(ConnectionState.CONNECTED, keep.state());
                assertEquals(ConnectionState.CONNECTED, admin.state());
                keep.request("probe.id", Json.object());
            }
        }
    }
}
