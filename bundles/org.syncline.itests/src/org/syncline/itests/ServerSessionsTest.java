package org.syncline.itests;

import org.syncline.testing.RawTlsClient;
import org.syncline.testing.ServerProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.admin.client.AdminClient;
import org.syncline.protocol.ServerStatus;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;

/** Logins, rights and hostile input against one real server process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSessionsTest {
    ServerProcess server;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-sessions"), "--max-frame", "1048576");
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            new AdminClient(admin).addUser("bob", "bob-password-1".toCharArray(), false);
        }
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void adminLogsInAndSeesStatus() {
        try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            var status = ServerStatus.of(c);
            assertTrue(status.version().startsWith("0.1.0"), status.version());
            assertTrue(status.sessions() >= 1);
            assertTrue(status.roles().contains("hub"));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() {
        SynclineException wrong = assertThrows(SynclineException.class, () -> server.connect("admin", "not-the-password"));
        assertEquals(ErrorCode.AUTH_FAILED, wrong.code());
        SynclineException unknown = assertThrows(SynclineException.class, () -> server.connect("nobody", "whatever-1"));
        assertEquals(ErrorCode.AUTH_FAILED, unknown.code());
    }

    @Test
    void adminOnlyCommandsAreRefusedToUsersOnTheServer() {
        try (Connection bob = server.connect("bob", "bob-password-1")) {
            AdminClient client = new AdminClient(bob);
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, client::users).code());
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                    () -> client.addUser("eve", "eve-password-1".toCharArray(), true)).code());
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                    () -> client.setPassword("admin", "taken-over-1".toCharArray(), null)).code());
        }
        // and the admin password still works
        try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            assertTrue(new AdminClient(c).users().stream().noneMatch(u -> u.name().equals("eve")));
        }
    }

    @Test
    void oversizedFrameClosesThatSessionOnly() throws Exception {
        try (Connection bystander = server.connect("bob", "bob-password-1"); RawTlsClient raw = new RawTlsClient(server.address())) {
            raw.hello(ProtocolConstants.VERSION);
            assertEquals(FrameKind.WELCOME, raw.readFrame().kind());
            raw.out.writeInt(64 * 1024 * 1024);
            raw.out.writeByte(FrameKind.REQUEST.code());
            raw.out.flush();
            var refusal = raw.readFrame();
            assertEquals(FrameKind.ERROR, refusal.kind());
            assertEquals("FRAME_TOO_LARGE", refusal.jsonBody().string("code"));
            assertTrue(raw.closedByServer());
            assertTrue(ServerStatus.of(bystander).sessions() >= 1);
        }
    }

    @Test
    void wrongProtocolVersionGetsAClearRefusal() throws Exception {
        try (RawTlsClient raw = new RawTlsClient(server.address())) {
            raw.hello(99);
            JsonObject body = raw.readFrame().jsonBody();
            assertEquals("PROTOCOL_VERSION", body.string("code"));
            assertTrue(body.string("message").contains("protocol 99"), body.string("message"));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void randomBytesTruncatedFramesAndPlainHttpAreRejected() throws Exception {
        try (RawTlsClient raw = new RawTlsClient(server.address())) {
            byte[] junk = new byte[2048];
            new Random(42).nextBytes(junk);
            raw.out.write(junk);
            raw.out.flush();
            assertTrue(raw.closedByServer());
        }
        try (RawTlsClient raw = new RawTlsClient(server.address())) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            raw.out.writeInt(1000);
            raw.out.write(new byte[10]);
            raw.out.flush();
        }
        try (Socket plain = new Socket(server.address().host(), server.address().port())) {
            plain.setSoTimeout(20_000);
            plain.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = plain.getInputStream().readAllBytes();
            assertTrue(!new String(answer, StandardCharsets.ISO_8859_1).contains("HTTP/1."), "no HTTP answer expected");
        }
        try (Connection c = server.connect("bob", "bob-password-1")) {
            assertTrue(ServerStatus.of(c).uptimeSeconds() >= 0);
        }
        String log = Files.readString(server.data.resolve("logs").resolve("server.0.log"));
        assertTrue(log.contains("Refused session") || log.contains("Closed session"), "refusals are logged");
    }

}
