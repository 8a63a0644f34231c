package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.Sha256;
import org.syncline.core.json.Json;
import org.syncline.protocol.internal.StreamReceiver;

/** Many streams at once on one session, and the credit window of a sustained stream. */
class ConcurrentStreamsTest {
    static final int STREAMS = 8;
    static final long SIZE = 24L * 1024 * 1024 + 17;

    @TempDir
    Path dir;
    TestServer server;
    /** "first <name>" when a stream's first bytes arrived, "done <name>" when it ended, in that order. */
    final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "1", "t"), e -> {
            e.handleUpload("t.digest", Access.USER, (ctx, body, in) -> {
                MessageDigest d = Sha256.newDigest();
                long n = new DigestInputStream(in, d).transferTo(new FirstBytes(OutputStream.nullOutputStream(), "up" + body.number("n")));
                events.add("done up" + body.number("n"));
                return Json.object("sha", HexFormat.of().formatHex(d.digest()), "bytes", n);
            });
            e.handle("t.echo", Access.USER, (ctx, body) -> Json.object("echo", body.string("text")));
            e.handleUpload("t.window", Access.USER, (ctx, body, in) -> {
                long n = in.transferTo(OutputStream.nullOutputStream());
                return Json.object("bytes", n, "window", (long) ((StreamReceiver) in).window());
            });
            e.handleDownload("t.generate", Access.USER, (ctx, body, out) -> {
                long n = new EndpointTest.RandomStream(SIZE, body.number("seed")).transferTo(out);
                return Json.object("bytes", n);
            });
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eightUploadsAndEightDownloadsOnOneSessionAllArriveIntactAndInterleaved() throws Exception {
        try (Connection c = server.connect("alice")) {
            ExecutorService pool = Executors.newFixedThreadPool(2 * STREAMS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> uploads = new ArrayList<>();
            List<Future<String>> downloads = new ArrayList<>();
            try {
                for (int i = 0; i < STREAMS; i++) {
                    long seed = i;
                    uploads.add(pool.submit(after(go, () -> {
                        var r = c.upload("t.digest", Json.object("n", seed), new EndpointTest.RandomStream(SIZE, seed));
                        assertEquals(SIZE, r.number("bytes"));
                        return r.string("sha");
                    })));
                    downloads.add(pool.submit(after(go, () -> {
                        MessageDigest d = Sha256.newDigest();
                        var sink = new FirstBytes(new DigestOutputStream(OutputStream.nullOutputStream(), d), "down" + seed);
                        assertEquals(SIZE, c.download("t.generate", Json.object("seed", 100 + seed), sink).number("bytes"));
                        events.add("done down" + seed);
                        return HexFormat.of().formatHex(d.digest());
                    })));
                }
                go.countDown();
                for (int i = 0; i < STREAMS; i++) {
                    assertEquals(expectedSha(i), uploads.get(i).get(120, TimeUnit.SECONDS), "upload " + i);
                    assertEquals(expectedSha(100 + i), downloads.get(i).get(120, TimeUnit.SECONDS), "download " + i);
                }
            } finally {
                pool.shutdownNow();
            }
            // fair shares: every stream of a direction was moving before any of them finished
            for (String direction : List.of("up", "down")) {
                int firstDone = indexOfFirst("done " + direction);
                for (int i = 0; i < STREAMS; i++) {
                    int first = events.indexOf("first " + direction + i);
                    assertTrue(first >= 0 && first < firstDone, direction + i + " started only after another stream ended: " + events);
                }
            }
            assertEquals("still", c.request("t.echo", Json.object("text", "still")).string("echo"), "the session is still usable");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a stream failed: " + e.getCause(), e.getCause());
        }
    }

    @Test
    void creditWindowGrowsTowardTheBandwidthDelayProductOfALongLink() throws Exception {
        long size = 16L * 1024 * 1024;
        try (DelayingProxy link = new DelayingProxy(server.address, 25); Connection c = server.connectTo(link.address(), "alice")) {
            var r = c.upload("t.window", Map.of(), new EndpointTest.RandomStream(size, 1));
            assertEquals(size, r.number("bytes"));
            long window = r.number("window");
            assertTrue(window > ProtocolConstants.STREAM_WINDOW, "over a 50 ms round trip the window stayed at " + window + " chunks");
            assertTrue(window <= StreamReceiver.MAX_WINDOW, "window grew to " + window + " chunks");
        }
    }

    private int indexOfFirst(String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no event " + prefix + " in " + events);
    }

    private static <T> Callable<T> after(CountDownLatch go, Callable<T> work) {
        return () -> {
            go.await();
            return work.call();
        };
    }

    private static String expectedSha(long seed) throws Exception {
        MessageDigest d = Sha256.newDigest();
        new DigestInputStream(new EndpointTest.RandomStream(SIZE, seed), d).transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(d.digest());
    }

    /** Notes when the first bytes of a stream pass through. */
    final class FirstBytes extends java.io.FilterOutputStream {
        private final String name;
        private boolean seen;

        FirstBytes(OutputStream out, String name) {
            super(out);
            this.name = name;
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            if (!seen && len > 0) {
                seen = true;
                events.add("first " + name);
            }
            out.write(b, off, len);
        }
    }
}
