package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.testing.RawTlsClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;

class EndpointTest {
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "9.9.9", "test")
                .withMaxFrame(1024 * 1024), e -> {
                    e.handle("test.echo", Access.USER, (ctx, body) -> Json.object("echo", body.string("text"), "user", ctx.principal().name()));
                    e.handle("test.big", Access.USER, (ctx, body) -> Json.object("text", "x".repeat((int) body.number("chars"))));
                    e.handle("test.admin", Access.ADMIN, (ctx, body) -> Json.object("ok", true));
                    e.handle("test.crash", Access.USER, (ctx, body) -> {
                        throw new IllegalStateException("boom");
                    });
                    e.handleUpload("test.digest", Access.USER, (ctx, body, in) -> {
                        MessageDigest d = Sha256.newDigest();
                        long n = new DigestInputStream(in, d).transferTo(OutputStream.nullOutputStream());
                        return Json.object("sha", HexFormat.of().formatHex(d.digest()), "bytes", n);
                    });
                    e.handleDownload("test.generate", Access.USER, (ctx, body, out) -> {
                        long size = body.number("bytes");
                        Random r = new Random(body.number("seed"));
                        byte[] buf = new byte[10_000];
                        for (long left = size; left > 0; left -= buf.length) {
                            r.nextBytes(buf);
                            out.write(buf, 0, (int) Math.min(buf.length, left));
                        }
                        return Json.object("bytes", size);
                    });
                    e.topic("test.news", Access.USER);
                    e.topic("test.secret", Access.ADMIN);
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginAndRequestRoundTrip() {
        try (Connection c = server.connect("alice")) {
            assertEquals(ConnectionState.CONNECTED, c.state());
            assertEquals("9.9.9", c.server().version());
            assertEquals(server.identity.fingerprint(), c.server().fingerprint());
            assertEquals(1024 * 1024, c.server().maxFrame(), "the client learns the largest request it may send");
            var r = c.request("test.echo", Json.object("text", "hello"));
            assertEquals("hello", r.string("echo"));
            assertEquals("alice", r.string("user"));
            assertEquals(1, server.endpoint.loggedInSessions());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAlike() {
        SynclineException wrong = assertThrows(SynclineException.class, () -> server.connect("alice", "wrong-password"));
        SynclineException unknown = assertThrows(SynclineException.class, () -> server.connect("mallory", "whatever"));
        assertEquals(ErrorCode.AUTH_FAILED, wrong.code());
        assertEquals(ErrorCode.AUTH_FAILED, unknown.code());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void repeatedFailuresThrottleEvenTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class, () -> server.connect("alice", "bad")).code());
        }
        SynclineException e = assertThrows(SynclineException.class, () -> server.connect("alice"));
        assertEquals(ErrorCode.AUTH_THROTTLED, e.code());
        assertTrue(e.getMessage().contains("try again in"), e.getMessage());
        // another user from the same address is not locked yet
        try (Connection c = server.connect("admin")) {
            assertEquals(ConnectionState.CONNECTED, c.state());
        }
    }

    @Test
    void adminOnlyMessagesAreRefusedToUsers() {
        try (Connection alice = server.connect("alice"); Connection admin = server.connect("admin")) {
            SynclineException e = assertThrows(SynclineException.class, () -> alice.request("test.admin", Map.of()));
            assertEquals(ErrorCode.ACCESS_DENIED, e.code());
            assertTrue(admin.request("test.admin", Map.of()).optBool("ok", false));
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> alice.subscribe("test.secret")).code());
        }
    }

    @Test
    void unknownTypesAndHandlerBugsAnswerWithCodesNotStackTraces() {
        try (Connection c = server.connect("alice")) {
            assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, () -> c.request("no.such", Map.of())).code());
            assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, () -> c.request("test.echo", Map.of())).code());
            SynclineException crash = assertThrows(SynclineException.class, () -> c.request("test.crash", Map.of()));
            assertEquals(ErrorCode.INTERNAL, crash.code());
            assertTrue(crash.getMessage().contains("reference"), crash.getMessage());
            assertTrue(!crash.getMessage().contains("boom") && !crash.getMessage().contains("Exception"));
            // the session survives all of that
            assertEquals("still", c.request("test.echo", Json.object("text", "still")).string("echo"));
        }
    }

    @Test
    void pushReachesSubscribersOnly() throws Exception {
        try (Connection subscribed = server.connect("alice"); Connection other = server.connect("admin")) {
            List<String> got = new CopyOnWriteArrayList<>();
            List<String> otherGot = new CopyOnWriteArrayList<>();
            CountDownLatch latch = new CountDownLatch(2);
            subscribed.onPush("news", b -> {
                got.add(b.string("headline"));
                latch.countDown();
            });
            other.onPush("news", b -> otherGot.add(b.string("headline")));
            subscribed.subscribe("test.news");
            server.endpoint.publish("test.news", "news", Json.object("headline", "one"));
            server.endpoint.publish("test.news", "news", Json.object("headline", "two"));
            assertTrue(latch.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("one", "two"), got);
            assertEquals(List.of(), otherGot);
        }
    }

    @Test
    void uploadStreamsLargePayloadIntact() throws Exception {
        long size = 40L * 1024 * 1024 + 123;
        try (Connection c = server.connect("alice")) {
            MessageDigest d = Sha256.newDigest();
            var in = new DigestInputStream(new RandomStream(size, 7), d);
            var r = c.upload("test.digest", Map.of(), in);
            assertEquals(size, r.number("bytes"));
            assertEquals(HexFormat.of().formatHex(d.digest()), r.string("sha"));
        }
    }

    @Test
    void downloadStreamsLargePayloadIntact() throws Exception {
        long size = 30L * 1024 * 1024 + 5;
        try (Connection c = server.connect("alice")) {
            MessageDigest got = Sha256.newDigest();
            var sink = new java.security.DigestOutputStream(OutputStream.nullOutputStream(), got);
            var r = c.download("test.generate", Json.object("bytes", size, "seed", 3L), sink);
            assertEquals(size, r.number("bytes"));
            MessageDigest expected = Sha256.newDigest();
            Random rnd = new Random(3);
            byte[] buf = new byte[10_000];
            for (long left = size; left > 0; left -= buf.length) {
                rnd.nextBytes(buf);
                expected.update(buf, 0, (int) Math.min(buf.length, left));
            }
            assertEquals(HexFormat.of().formatHex(expected.digest()), HexFormat.of().formatHex(got.digest()));
        }
    }

    @Test
    void oversizedFrameClosesOnlyThatSession() throws Exception {
        try (Connection bystander = server.connect("alice"); RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            assertEquals(FrameKind.WELCOME, raw.readFrame().kind());
            raw.out.writeInt(512 * 1024 * 1024); // announces 512 MiB; the limit here is 1 MiB
            raw.out.writeByte(FrameKind.REQUEST.code());
            raw.out.flush();
            Frame refusal = raw.readFrame();
            assertEquals(FrameKind.ERROR, refusal.kind());
            assertEquals("FRAME_TOO_LARGE", refusal.jsonBody().string("code"));
            assertTrue(raw.closedByServer());
            assertEquals("fine", bystander.request("test.echo", Json.object("text", "fine")).string("echo"));
        }
    }

    @Test
    void anAnswerOverWhatAClientAcceptsFailsThatRequestAloneAndSaysWhy() {
        try (Connection c = server.connect("alice")) {
            assertEquals(2_000_000, c.request("test.big", Json.object("chars", 2_000_000L)).string("text").length(),
                    "an answer over the server's own 1 MiB request limit but under the client's 16 MiB goes");
            SynclineException e = assertThrows(SynclineException.class,
                    () -> c.request("test.big", Json.object("chars", (long) ProtocolConstants.DEFAULT_MAX_FRAME)));
            assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
            assertTrue(e.getMessage().startsWith("The answer to 'test.big' would be 16.0 MiB, more than the 16.0 MiB one answer may be"),
                    e.getMessage());
            assertEquals(ConnectionState.CONNECTED, c.state(), "the connection stays: the client never saw a frame over its limit");
            assertEquals("still", c.request("test.echo", Json.object("text", "still")).string("echo"));
        }
    }

    @Test
    void wrongProtocolVersionIsRefusedWithBothVersions() throws Exception {
        try (RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION + 1);
            Frame refusal = raw.readFrame();
            assertEquals(FrameKind.ERROR, refusal.kind());
            var body = refusal.jsonBody();
            assertEquals("PROTOCOL_VERSION", body.string("code"));
            assertTrue(body.string("message").contains("protocol " + ProtocolConstants.VERSION), body.string("message"));
            assertTrue(body.string("message").contains("protocol " + (ProtocolConstants.VERSION + 1)));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void garbageAndPlainTextAreRejectedAndServerKeepsServing() throws Exception {
        // random bytes after the TLS handshake
        try (RawTlsClient raw = new RawTlsClient(server.address)) {
            byte[] junk = new byte[4096];
            new Random(1).nextBytes(junk);
            raw.out.write(junk);
            raw.out.flush();
            assertTrue(raw.closedByServer());
        }
        // a truncated frame: a header that promises more than ever arrives, then the client goes away
        try (RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            raw.out.writeInt(100);
            raw.out.writeByte(FrameKind.REQUEST.code());
            raw.out.flush();
            // the server holds the partial frame without answering it or closing the session
            raw.socket.setSoTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, () -> raw.in.readByte(), "a partial frame was answered");
        }
        // and the next session is served normally
        try (Connection c = server.connect("alice")) {
            assertEquals("after", c.request("test.echo", Json.object("text", "after")).string("echo"));
        }
        // a request before HELLO
        try (RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.sendFrame(FrameKind.REQUEST, 1, "test.echo", "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals("PROTOCOL_ERROR", raw.readFrame().jsonBody().string("code"));
            assertTrue(raw.closedByServer());
        }
        // a request without login
        try (RawTlsClient raw = new RawTlsClient(server.address)) {
            raw.hello(ProtocolConstants.VERSION);
            raw.readFrame();
            raw.sendFrame(FrameKind.REQUEST, 5, "test.echo", "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            Frame f = raw.readFrame();
            assertEquals(5, f.id());
            assertEquals("NOT_LOGGED_IN", f.jsonBody().string("code"));
            assertTrue(f.jsonBody().string("message").contains("'test.echo'"), f.jsonBody().toString());
        }
        // plain HTTP and random bytes without TLS
        for (byte[] payload : new byte[][] {"GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 5}}) {
            try (Socket plain = new Socket(server.address.host(), server.address.port())) {
                plain.setSoTimeout(10_000);
                plain.getOutputStream().write(payload);
                plain.getOutputStream().flush();
                assertTrue(RawTlsClient.plainSocketClosed(plain));
            }
        }
        try (Connection c = server.connect("alice")) {
            assertEquals("ok", c.request("test.echo", Json.object("text", "ok")).string("echo"));
        }
    }

    @Test
    void changedCertificateIsRefusedWithBothFingerprints() throws Exception {
        KnownServers known = new KnownServers(dir.resolve("known_servers"));
        try (Connection c = server.connect("alice")) {
            assertEquals(server.identity.fingerprint(), known.pinned(server.address));
        }
        String fake = "AA:" + server.identity.fingerprint().substring(3);
        java.nio.file.Files.writeString(known.file(), server.address + " " + fake + "\n");
        SynclineException e = assertThrows(SynclineException.class, () -> server.connect("alice"));
        assertEquals(ErrorCode.CERTIFICATE_CHANGED, e.code());
        assertTrue(e.getMessage().contains(fake) && e.getMessage().contains(server.identity.fingerprint()), e.getMessage());
    }

    @Test
    void declinedNewServerSendsNoPassword() {
        ConnectionSettings s = ConnectionSettings.of(server.address, "alice", "alice-pass-1".toCharArray(), "test");
        SynclineException e = assertThrows(SynclineException.class,
                () -> Connection.open(s, new KnownServers(dir.resolve("other_known")), (hp, fp) -> false));
        assertEquals(ErrorCode.CERTIFICATE_CHANGED, e.code());
        assertEquals(0, server.endpoint.loggedInSessions());
    }

    /** Deterministic pseudo-random bytes without holding them in memory. */
    static final class RandomStream extends java.io.InputStream {
        private final Random random;
        private long left;

        RandomStream(long size, long seed) {
            this.left = size;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] tmp = new byte[n];
            random.nextBytes(tmp);
            System.arraycopy(tmp, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
