package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;

/** Streams that end badly on one side leave the other side and the session in order. */
class StreamFailureTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void anUploadTheHandlerRefusesMidStreamEndsWithItsErrorAndTheSessionGoesOn() throws Exception {
        AtomicLong readBeforeRefusal = new AtomicLong();
        try (TestServer server = new TestServer(tmp, settings(), e -> {
            e.handleUpload("test.picky", Access.USER, (ctx, body, in) -> {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                while (total < 2 * MIB) {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
                readBeforeRefusal.set(total);
                throw new SynclineException(ErrorCode.INTEGRITY, "The content is not what was announced.");
            });
            e.handle("test.ping", Access.USER, (ctx, body) -> Map.of("pong", true));
        }); Connection c = server.connect("alice")) {
            SynclineException refused = assertThrows(SynclineException.class,
                    () -> c.upload("test.picky", Map.of(), new EndlessStream(64 * MIB)));
            assertEquals(ErrorCode.INTEGRITY, refused.code(), refused.getMessage());
            assertTrue(refused.getMessage().contains("not what was announced"), refused.getMessage());
            assertTrue(readBeforeRefusal.get() >= 2 * MIB, "the handler read what it needed first");
            assertEquals(Boolean.TRUE, c.request("test.ping", Json.object()).map().get("pong"), "the session still works");
            // and a second stream on the same session goes through whole
            SynclineException again = assertThrows(SynclineException.class,
                    () -> c.upload("test.picky", Map.of(), new EndlessStream(8 * MIB)));
            assertEquals(ErrorCode.INTEGRITY, again.code());
        }
    }

    @Test
    void aDownloadTheClientAbandonsStopsTheServersHandlerAndTheSessionGoesOn() throws Exception {
        CountDownLatch handlerEnded = new CountDownLatch(1);
        AtomicLong written = new AtomicLong();
        AtomicReference<Throwable> handlerSaw = new AtomicReference<>();
        long offered = 1024L * MIB;
        try (TestServer server = new TestServer(tmp, settings(), e -> {
            e.handleDownload("test.flood", Access.USER, (ctx, body, out) -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (long sent = 0; sent < offered; sent += chunk.length) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    return Map.of("bytes", offered);
                } catch (IOException | RuntimeException ex) {
                    handlerSaw.set(ex);
                    throw ex;
                } finally {
                    handlerEnded.countDown();
                }
            });
            e.handle("test.ping", Access.USER, (ctx, body) -> Map.of("pong", true));
        }); Connection c = server.connect("alice")) {
            OutputStream giveUpAfter4MiB = new OutputStream() {
                long got;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    got += len;
                    if (got > 4 * MIB) {
                        throw new IOException("disk full");
                    }
                }
            };
            SynclineException abandoned = assertThrows(SynclineException.class,
                    () -> c.download("test.flood", Json.object(), giveUpAfter4MiB));
            assertTrue(abandoned.getMessage().contains("disk full"), abandoned.getMessage());
            // the caller's disk, not the link: not CONNECTION_FAILED (the CLI's "server unreachable", exit 4)
            assertEquals(ErrorCode.STORAGE, abandoned.code(), abandoned.getMessage());
            assertTrue(handlerEnded.await(20, TimeUnit.SECONDS), "the server's handler stopped writing");
            assertTrue(handlerSaw.get() != null, "the handler's writes failed rather than completing");
            assertTrue(written.get() < offered / 4, "the server stopped early: " + written.get() + " bytes written");
            assertEquals(Boolean.TRUE, c.request("test.ping", Json.object()).map().get("pong"), "the session still works");
        }
    }

    @Test
    void anUploadWhoseOwnSourceFailsIsTheCallersStorageFailureAndTheSessionGoesOn() throws Exception {
        try (TestServer server = new TestServer(tmp, settings(), e -> {
            e.handleUpload("test.drain", Access.USER, (ctx, body, in) -> Map.of("bytes", in.transferTo(OutputStream.nullOutputStream())));
            e.handle("test.ping", Access.USER, (ctx, body) -> Map.of("pong", true));
        }); Connection c = server.connect("alice")) {
            InputStream breaks = new InputStream() {
                private int reads;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0];
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (++reads > 3) {
                        throw new java.io.EOFException(); // no message of its own
                    }
                    return len;
                }
            };
            SynclineException e = assertThrows(SynclineException.class, () -> c.upload("test.drain", Map.of(), breaks));
            assertEquals(ErrorCode.STORAGE, e.code(), "the caller's file, not the link: " + e.getMessage());
            assertTrue(e.getMessage().contains("java.io.EOFException") && e.getMessage().contains("the upload stopped"), e.getMessage());
            assertEquals(Boolean.TRUE, c.request("test.ping", Json.object()).map().get("pong"), "the session still works");
        }
    }

    private static EndpointSettings settings() {
        return EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "9.9.9", "test");
    }

    /** Zero bytes up to a limit, produced as read: nothing held in memory. */
    private static final class EndlessStream extends InputStream {
        private long left;

        EndlessStream(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
