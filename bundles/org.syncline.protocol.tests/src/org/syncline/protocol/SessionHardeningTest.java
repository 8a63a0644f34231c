package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.testing.RawTlsClient;

/** What a session may do before it logs in, and the limits that keep unauthenticated peers cheap. */
class SessionHardeningTest {
    @TempDir
    Path dir;

    static EndpointSettings settings() {
        return EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "1", "t").withMaxFrame(1024 * 1024);
    }

    static TestServer server(Path dir, EndpointSettings settings) throws Exception {
        return new TestServer(dir, settings, e -> e.handle("t.echo", Access.USER, (ctx, b) -> Json.object("echo", b.string("text"))));
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Before login a message is refused on its own and a PING answered, so a reconnecting client whose other threads
     * write before its LOGIN is answered still gets in; no handler runs, and the session can log in after.
     */
    @Test
    void beforeLoginAMessageIsRefusedAloneAndTheSessionCanStillLogIn() throws Exception {
        try (TestServer server = server(dir, settings()); RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            assertEquals(FrameKind.WELCOME, raw.readFrame().kind());
            raw.sendFrame(FrameKind.REQUEST, 3, "t.echo", json("{\"text\":\"early\"}"));
            Frame refusal = raw.readFrame();
            assertEquals(3, refusal.id());
            assertEquals(FrameKind.ERROR, refusal.kind());
            assertEquals("NOT_LOGGED_IN", refusal.jsonBody().string("code"));
            raw.sendFrame(FrameKind.PING, 4, "", json("{}"));
            assertEquals(FrameKind.PONG, raw.readFrame().kind());
            raw.sendFrame(FrameKind.REQUEST, 5, ProtocolConstants.LOGIN, json("{\"user\":\"alice\",\"password\":\"alice-pass-1\"}"));
            Frame login = raw.readFrame();
            assertEquals(FrameKind.RESPONSE, login.kind(), login.jsonBody().toString());
            raw.sendFrame(FrameKind.REQUEST, 6, "t.echo", json("{\"text\":\"now\"}"));
            assertEquals("now", raw.readFrame().jsonBody().string("echo"));
        }
    }

    @Test
    void aSessionSendingManyFramesBeforeLoginIsClosed() throws Exception {
        try (TestServer server = server(dir, settings()); RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            for (int i = 1; i <= ProtocolConstants.MAX_FRAMES_BEFORE_LOGIN + 1; i++) {
                raw.sendFrame(FrameKind.REQUEST, i, "t.echo", json("{}"));
            }
            Frame last = null;
            for (Frame f = raw.readFrameOrNull(); f != null; f = raw.readFrameOrNull()) {
                last = f;
            }
            assertEquals(0, last.id(), "the last frame refuses the whole session: " + last.jsonBody());
            assertTrue(last.jsonBody().string("message").contains("before logging in"), last.jsonBody().toString());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void beforeLoginFramesOver64KiBCloseTheSession() throws Exception {
        try (TestServer server = server(dir, settings()); RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            raw.out.writeInt(EndpointSettings.PRE_LOGIN_MAX_FRAME + 1); // within the 1 MiB limit of a logged-in session
            raw.out.flush();
            Frame refusal = raw.readFrame();
            assertEquals("FRAME_TOO_LARGE", refusal.jsonBody().string("code"));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void afterLoginTheSessionLimitApplies() {
        try (TestServer server = server(dir, settings()); Connection c = server.connect("alice")) {
            String text = "x".repeat(200 * 1024);
            assertEquals(text.length(), c.request("t.echo", Json.object("text", text)).string("echo").length());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sessionsThatDoNotLogInInTimeAreClosed() throws Exception {
        try (TestServer server = server(dir, settings().withLoginTimeout(1)); RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            Frame refusal = raw.readFrame(); // the socket gives up after 10 s
            assertEquals("TIMEOUT", refusal.jsonBody().string("code"));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void unauthenticatedSessionsPerAddressAreCapped() throws Exception {
        try (TestServer server = server(dir, settings().withMaxUnauthenticatedPerAddress(2))) {
            List<RawTlsClient> open = new ArrayList<>();
            try {
                open.add(new RawTlsClient(server.address));
                open.add(new RawTlsClient(server.address));
                for (RawTlsClient r : open) {
                    r.hello(ProtocolConstants.VERSION);
                    assertEquals(FrameKind.WELCOME, r.readFrame().kind());
                }
                assertThrows(Exception.class, () -> {
                    try (RawTlsClient third = new RawTlsClient(server.address)) {
                        third.hello(ProtocolConstants.VERSION);
                        third.readFrame();
                    }
                }, "a third unauthenticated session from the same address is refused");
            } finally {
                for (RawTlsClient r : open) {
                    r.close();
                }
            }
            // once they are gone, a client gets in again (the count drops as the server sees the closes)
            long deadline = System.currentTimeMillis() + 10_000;
            while (true) {
                try (Connection c = server.connect("alice")) {
                    assertEquals("in", c.request("t.echo", Json.object("text", "in")).string("echo"));
                    break;
                } catch (SynclineException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    @Test
    void pipelinedLoginsAreAnsweredInOrder() throws Exception {
        try (TestServer server = server(dir, settings()); RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            // nothing waits for an answer: a wrong login, a right one, then a request that needs it
            raw.sendFrame(FrameKind.REQUEST, 1, ProtocolConstants.LOGIN, json("{\"user\":\"alice\",\"password\":\"wrong\"}"));
            raw.sendFrame(FrameKind.REQUEST, 2, ProtocolConstants.LOGIN, json("{\"user\":\"alice\",\"password\":\"alice-pass-1\"}"));
            raw.sendFrame(FrameKind.REQUEST, 3, "t.echo", json("{\"text\":\"after\"}"));
            Frame first = raw.readFrame();
            assertEquals(1, first.id());
            assertEquals("AUTH_FAILED", first.jsonBody().string("code"));
            Frame second = raw.readFrame();
            assertEquals(2, second.id());
            assertEquals(FrameKind.RESPONSE, second.kind());
            Frame third = raw.readFrame();
            assertEquals(3, third.id());
            assertEquals("after", third.jsonBody().string("echo"));
        }
    }

    @Test
    void theClientRefusesOversizedFramesFromAServer() throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(dir.resolve("tls"), "fake");
        try (SSLServerSocket fake = (SSLServerSocket) identity.serverContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofPlatform().daemon().start(() -> {
                try (SSLSocket s = (SSLSocket) fake.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    in.readFully(new byte[in.readInt()]); // HELLO
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeInt(1 << 30); // announces a 1 GiB frame and never sends it
                    out.writeByte(FrameKind.WELCOME.code());
                    out.flush();
                    in.read(); // until the client hangs up
                } catch (Exception e) {
                    // the client hung up
                }
            });
            ConnectionSettings s = new ConnectionSettings(new HostPort("127.0.0.1", fake.getLocalPort()), "alice",
                    "x".toCharArray(), "test", java.time.Duration.ofSeconds(5), false);
            SynclineException e = assertThrows(SynclineException.class,
                    () -> Connection.open(s, new KnownServers(dir.resolve("known")), FingerprintPrompt.ACCEPT_NEW));
            assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code(), e.getMessage());
            server.join(10_000);
        }
    }
}
