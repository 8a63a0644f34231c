import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import com.sun.management.ThreadMXBean;

/**
 * What TLS costs on one link (issue #13: "measure what TLS costs on a link and record it, but ship no unencrypted
 * link"): MiB copied from one thread to another over loopback, plain TCP against TLS 1.3 (the JDK's JSSE, the
 * provider Syncline's MINA links use), the same 64 KiB writes of incompressible bytes. Prints wall throughput and
 * the CPU time of sender and receiver per GiB, median of ROUNDS rounds, alternating the two.
 *   usage: java TlsCost.java KEYSTORE.p12 PASSWORD [MIB] [ROUNDS]
 */
public final class TlsCost {
    private static final ThreadMXBean CPU = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    record Result(double seconds, long senderCpuNs, long receiverCpuNs) {
    }

    public static void main(String[] args) throws Exception {
        char[] password = args[1].toCharArray();
        int mib = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(args[0])) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        byte[] block = new byte[64 * 1024];
        new Random(1).nextBytes(block);
        long bytes = (long) mib * 1024 * 1024;
        copy(null, block, 64L * 1024 * 1024); // warm-up
        copy(tls, block, 64L * 1024 * 1024);
        List<Result> tcp = new ArrayList<>();
        List<Result> sec = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            tcp.add(copy(null, block, bytes));
            sec.add(copy(tls, block, bytes));
        }
        System.out.printf("cores %d, %d MiB per round, %d rounds (median), 64 KiB writes%n", Runtime.getRuntime().availableProcessors(), mib, rounds);
        String suite = cipherSuite(tls);
        print("tcp", tcp, bytes);
        print("tls (" + suite + ")", sec, bytes);
        double t = median(tcp, Result::seconds);
        double s = median(sec, Result::seconds);
        System.out.printf("TLS: %.2fx the wall time of TCP; it costs %.2f s of CPU per GiB more (both ends)%n", s / t,
                (median(sec, x -> (double) (x.senderCpuNs + x.receiverCpuNs)) - median(tcp, x -> (double) (x.senderCpuNs + x.receiverCpuNs)))
                        / 1e9 * (1L << 30) / bytes);
    }

    private static String cipherSuite(SSLContext tls) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                } catch (Exception e) {
                    // the client is done
                }
            });
            t.start();
            try (SSLSocket c = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                c.startHandshake();
                String suite = c.getSession().getProtocol() + " " + c.getSession().getCipherSuite();
                c.getOutputStream().write(1);
                t.join();
                return suite;
            }
        }
    }

    private static void print(String name, List<Result> rs, long bytes) {
        double sec = median(rs, Result::seconds);
        double gib = bytes / (double) (1L << 30);
        System.out.printf("%-40s %8.1f MiB/s   sender CPU %.2f s/GiB   receiver CPU %.2f s/GiB%n", name, bytes / 1048576.0 / sec,
                median(rs, r -> (double) r.senderCpuNs) / 1e9 / gib, median(rs, r -> (double) r.receiverCpuNs) / 1e9 / gib);
    }

    private static double median(List<Result> rs, java.util.function.ToDoubleFunction<Result> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    /** One copy of {@code bytes} from a sender thread to a receiver thread over a fresh loopback connection. */
    private static Result copy(SSLContext tls, byte[] block, long bytes) throws Exception {
        try (ServerSocket server = tls == null ? new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long[] receiverCpu = new long[1];
            Exception[] failed = new Exception[1];
            Thread receiver = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    long start = CPU.getCurrentThreadCpuTime();
                    byte[] buf = new byte[64 * 1024];
                    long got = 0;
                    for (int n; got < bytes && (n = in.read(buf)) > 0;) {
                        got += n;
                    }
                    receiverCpu[0] = CPU.getCurrentThreadCpuTime() - start;
                    s.getOutputStream().write(1); // the whole stream arrived
                    s.getOutputStream().flush();
                } catch (Exception e) {
                    failed[0] = e;
                }
            });
            receiver.start();
            try (Socket c = tls == null ? new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())
                    : tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                if (c instanceof SSLSocket s) {
                    s.startHandshake();
                }
                long wall = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                OutputStream out = c.getOutputStream();
                for (long sent = 0; sent < bytes; sent += block.length) {
                    out.write(block);
                }
                out.flush();
                long senderCpu = CPU.getCurrentThreadCpuTime() - cpu;
                if (c.getInputStream().read() != 1) {
                    throw new IllegalStateException("the receiver did not confirm");
                }
                double seconds = (System.nanoTime() - wall) / 1e9;
                receiver.join();
                if (failed[0] != null) {
                    throw failed[0];
                }
                return new Result(seconds, senderCpu, receiverCpu[0]);
            }
        }
    }
}
