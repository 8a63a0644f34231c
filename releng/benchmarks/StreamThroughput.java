import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.syncline.core.HostPort;
import org.syncline.core.json.Json;
import org.syncline.protocol.Access;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.Endpoint;
import org.syncline.protocol.EndpointSettings;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.Principal;
import org.syncline.protocol.ServerIdentity;

/**
 * Upload throughput of a Syncline stream (frames, credits, TLS 1.3 over MINA) against a raw TLS 1.3 socket
 * copy of the same bytes with the same key, both on loopback in one process; run with a small heap to show
 * that a stream of any size needs bounded memory. Run by stream-throughput.sh.
 */
public class StreamThroughput {
    public static void main(String[] args) throws Exception {
        long bytes = Long.parseLong(args.length > 0 ? args[0] : "1073741824");
        int runs = Integer.parseInt(args.length > 1 ? args[1] : "3");
        Path dir = Files.createTempDirectory("syncline-bench");
        ServerIdentity identity = ServerIdentity.loadOrCreate(dir.resolve("tls"), "bench");
        Endpoint endpoint = new Endpoint(EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "bench", "bench"),
                identity, (u, p) -> Optional.of(new Principal(u, Set.of("user"))));
        endpoint.handleUpload("bench.sink", Access.USER, (ctx, body, in) -> Json.object("bytes", drain(in),
                "window", (long) ((org.syncline.protocol.internal.StreamReceiver) in).window(),
                "rttMicros", ((org.syncline.protocol.internal.StreamReceiver) in).roundTripNanos() / 1000));
        int port = endpoint.start().getPort();
        Connection c = Connection.open(new ConnectionSettings(new HostPort("127.0.0.1", port), "bench", "x".toCharArray(), "bench",
                Duration.ofMinutes(5), false), new KnownServers(dir.resolve("known")), FingerprintPrompt.ACCEPT_NEW);

        ServerSocket raw = rawServer(identity);
        Thread rawSink = new Thread(() -> {
            while (true) {
                try (Socket s = raw.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    out.write(Long.toString(drain(in)).getBytes());
                } catch (Exception e) {
                    return;
                }
            }
        });
        rawSink.setDaemon(true);
        rawSink.start();

        double[] syncline = new double[runs];
        double[] tls = new double[runs];
        long peakHeap = 0;
        long[] windows = new long[runs];
        long[] rtts = new long[runs];
        // CPU seconds of the whole process per GiB moved: what each transfer costs, which a loaded machine
        // distorts far less than its wall-clock speed
        double[] synclineCpu = new double[runs];
        double[] tlsCpu = new double[runs];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var answer = c.upload("bench.sink", Map.of(), new Zeros(bytes));
            long got = answer.number("bytes");
            windows[i] = answer.number("window");
            rtts[i] = answer.number("rttMicros");
            syncline[i] = mbps(bytes, System.nanoTime() - t0);
            synclineCpu[i] = cpuPerGiB(bytes, os.getProcessCpuTime() - c0);
            if (got != bytes) {
                throw new IllegalStateException("stream delivered " + got + " of " + bytes + " bytes");
            }
            peakHeap = Math.max(peakHeap, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            c0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            rawCopy(identity, raw.getLocalPort(), bytes);
            tls[i] = mbps(bytes, System.nanoTime() - t0);
            tlsCpu[i] = cpuPerGiB(bytes, os.getProcessCpuTime() - c0);
        }
        double s = median(syncline);
        double t = median(tls);
        System.out.printf("bytes per run: %d MiB, runs: %d, max heap: %d MiB, heap in use after a run: %d MiB%n",
                bytes >> 20, runs, Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        System.out.printf("raw TLS 1.3 socket copy: median %.0f MB/s %s%n", t, java.util.Arrays.toString(round(tls)));
        System.out.printf("syncline stream upload:  median %.0f MB/s %s%n", s, java.util.Arrays.toString(round(syncline)));
        System.out.printf("credit window at the end of each run (chunks): %s%n", java.util.Arrays.toString(windows));
        System.out.printf("measured round trip at the end of each run (us, -1 = none): %s%n", java.util.Arrays.toString(rtts));
        System.out.printf("CPU s per GiB, raw TLS: %s, syncline: %s; ratio of medians syncline / raw: %.2f%n",
                java.util.Arrays.toString(round2(tlsCpu)), java.util.Arrays.toString(round2(synclineCpu)),
                median(synclineCpu) / median(tlsCpu));
        System.out.printf("ratio syncline / raw TLS: %.2f%n", s / t);
        c.close();
        endpoint.close();
        raw.close();
    }

    static long drain(InputStream in) throws java.io.IOException {
        byte[] buf = new byte[65536];
        long n = 0;
        int r;
        while ((r = in.read(buf)) >= 0) {
            n += r;
        }
        return n;
    }

    static ServerSocket rawServer(ServerIdentity identity) throws Exception {
        SSLServerSocket s = (SSLServerSocket) identity.serverContext().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        return s;
    }

    static void rawCopy(ServerIdentity identity, int port, long bytes) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new javax.net.ssl.TrustManager[] {new org.syncline.protocol.internal.PinningTrustManager()}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            new Zeros(bytes).transferTo(s.getOutputStream());
            s.shutdownOutput();
            long got = Long.parseLong(new String(s.getInputStream().readAllBytes()));
            if (got != bytes) {
                throw new IllegalStateException("raw copy delivered " + got);
            }
        }
    }

    static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    static double cpuPerGiB(long bytes, long cpuNanos) {
        return cpuNanos / 1e9 / (bytes / (double) (1L << 30));
    }

    static double[] round2(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 100) / 100.0;
        }
        return r;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    static long[] round(double[] v) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i]);
        }
        return r;
    }

    /** {@code size} bytes of a fixed pattern, generated as read (nothing held in memory). */
    static final class Zeros extends InputStream {
        private long left;
        private final byte[] pattern = new byte[65536];

        Zeros(long size) {
            left = size;
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) (i * 31);
            }
        }

        @Override
        public int read() {
            return left-- > 0 ? 7 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), pattern.length);
            System.arraycopy(pattern, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
