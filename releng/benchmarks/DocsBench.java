import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;


import org.syncline.core.HostPort;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.documents.internal.server.DocumentsBenchNames;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.ServerIdentity;

/**
 * The client side of docs-bench.sh (compiled with StreamThroughput.java, whose raw TLS copy and pattern stream it uses), against a real registry and storage node (separate processes):
 *   wait-node HOST:PORT PASSWORD NODE            until the node is up
 *   transfer HOST:PORT PASSWORD BYTES RUNS WORK  register + get of BYTES through registry and node, and a raw TLS 1.3
 *                                                socket copy of the same bytes in this process, alternated, RUNS times
 *   search HOST:PORT PASSWORD SEEDED QUERIES     name-substring searches (page 1 of 50, by name) over seeded documents
 */
public class DocsBench {
    public static void main(String[] args) throws Exception {
        HostPort registry = HostPort.parse(args[1]);
        try (Connection c = Connection.open(new ConnectionSettings(registry, "admin", args[2].toCharArray(), "docs-bench",
                Duration.ofMinutes(10), false), new KnownServers(Files.createTempFile("docs-bench", ".known")), FingerprintPrompt.ACCEPT_NEW)) {
            DocumentsClient docs = new DocumentsClient(c);
            switch (args[0]) {
                case "wait-node" -> waitNode(docs, args[3]);
                case "transfer" -> transfer(docs, Long.parseLong(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
                case "search" -> search(docs, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                case "scroll" -> scroll(docs, Integer.parseInt(args[3]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
        System.exit(0);
    }

    static void waitNode(DocumentsClient docs, String node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (docs.nodes().stream().noneMatch(n -> n.name().equals(node) && n.isUp())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("node " + node + " did not come up: " + docs.nodes().stream().map(NodeInfo::name).toList());
            }
            Thread.sleep(200);
        }
    }

    static void transfer(DocumentsClient docs, long bytes, int runs, Path work) throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(work.resolve("raw-tls"), "bench");
        ServerSocket raw = StreamThroughput.rawServer(identity);
        Thread sink = new Thread(() -> {
            while (true) {
                try (Socket s = raw.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    out.write(Long.toString(in.transferTo(OutputStream.nullOutputStream())).getBytes());
                } catch (Exception e) {
                    return;
                }
            }
        });
        sink.setDaemon(true);
        sink.start();
        double[] rawUp = new double[runs], up = new double[runs], down = new double[runs];
        double[] rawCpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            double[] c0 = Cpu.now();
            long t0 = System.nanoTime();
            StreamThroughput.rawCopy(identity, raw.getLocalPort(), bytes);
            rawUp[r] = StreamThroughput.mbps(bytes, System.nanoTime() - t0);
            double[] c1 = Cpu.now();
            t0 = System.nanoTime();
            DocumentInfo d = docs.register("bench-" + r + ".bin", null, "", List.of(), new StreamThroughput.Zeros(bytes));
            up[r] = StreamThroughput.mbps(bytes, System.nanoTime() - t0);
            double[] c2 = Cpu.now();
            if (d.size() != bytes) {
                throw new IllegalStateException("registered " + d.size() + " bytes");
            }
            Counting out = new Counting();
            // checked as the CLI and the workbench check a download (VerifiedDownload): the node does not hash what it sends
            java.security.MessageDigest digest = org.syncline.core.Sha256.newDigest();
            t0 = System.nanoTime();
            String sent = docs.get(d.id(), 0, new java.security.DigestOutputStream(out, digest)).sha256();
            String received = java.util.HexFormat.of().formatHex(digest.digest());
            down[r] = StreamThroughput.mbps(bytes, System.nanoTime() - t0);
            double[] c3 = Cpu.now();
            if (out.n != bytes || !received.equals(sent)) {
                throw new IllegalStateException("downloaded " + out.n + " bytes hashing to " + received + ", not " + sent);
            }
            docs.delete(d.id());
            System.out.printf("run %d: raw TLS %.0f MB/s, register %.0f MB/s, get %.0f MB/s%n", r + 1, rawUp[r], up[r], down[r]);
            double gib = bytes / (double) (1L << 30);
            System.out.printf("  CPU s per GiB (this JVM = client, registry, node): raw TLS %s; register %s; get %s%n",
                    Cpu.diff(c0, c1, gib), Cpu.diff(c1, c2, gib), Cpu.diff(c2, c3, gib));
            rawCpu[r] = Cpu.total(c0, c1) / gib;
        }
        // What a register or get must do beyond the raw copy: at least the node's SHA-256 of the content (it confirms
        // the bytes on register, checks them on get), on the same cores. The rate that leaves at best, counting
        // nothing else (no disk write, no framing), in the raw copy's best run:
        int cores = Runtime.getRuntime().availableProcessors();
        double sha = sha256SecondsPerGiB();
        int best = 0;
        for (int r = 1; r < runs; r++) {
            best = rawUp[r] > rawUp[best] ? r : best;
        }
        double rawWall = (1L << 30) / 1e6 / rawUp[best];
        double floor = Math.max(rawWall, (rawCpu[best] + sha) / cores);
        System.out.printf("floor on %d cores: the raw copy's best run %.2f s and %.2f s of CPU a GiB, plus SHA-256 %.2f s a GiB in this JVM:"
                + " a register or get takes at least %.2f s a GiB, i.e. at most %.2fx the raw copy's rate%n", cores, rawWall, rawCpu[best], sha, floor,
                rawWall / floor);
        double m = StreamThroughput.median(rawUp);
        System.out.printf("raw TLS 1.3 socket copy: median %.0f MB/s %s%n", m, Arrays.toString(StreamThroughput.round(rawUp)));
        System.out.printf("register through registry + node: median %.0f MB/s %s, ratio to raw %.2f%n", StreamThroughput.median(up), Arrays.toString(StreamThroughput.round(up)),
                StreamThroughput.median(up) / m);
        System.out.printf("get through registry + node: median %.0f MB/s %s, ratio to raw %.2f%n", StreamThroughput.median(down), Arrays.toString(StreamThroughput.round(down)),
                StreamThroughput.median(down) / m);
        raw.close();
    }

    /** CPU seconds of SHA-256 over 1 GiB in 64 KiB updates (as the node hashes), the best of three after a warm-up. */
    static double sha256SecondsPerGiB() {
        byte[] buf = new byte[64 * 1024];
        java.security.MessageDigest d = org.syncline.core.Sha256.newDigest();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < (1 << 30) / buf.length; i++) {
                d.update(buf);
            }
            d.digest();
            double s = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
            best = round == 0 ? best : Math.min(best, s);
        }
        return best;
    }

    static void search(DocumentsClient docs, int seeded, int queries) {
        Random random = new Random(42);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < queries + 20; i++) {
            String name = DocumentsBenchNames.name(random.nextInt(seeded));
            int len = 3 + random.nextInt(6);
            int at = random.nextInt(name.length() - len + 1);
            terms.add(name.substring(at, at + len));
        }
        double[] ms = new double[queries];
        long matched = 0;
        for (int i = 0; i < terms.size(); i++) {
            DocumentQuery q = DocumentQuery.all().withName(terms.get(i));
            long t0 = System.nanoTime();
            DocumentPage p = docs.search(q);
            double took = (System.nanoTime() - t0) / 1e6;
            if (p.documents().isEmpty()) {
                throw new IllegalStateException("no match for '" + terms.get(i) + "', which a seeded name contains");
            }
            if (i >= 20) {
                ms[i - 20] = took;
                matched += p.total();
            }
        }
        Arrays.sort(ms);
        System.out.printf("%d name-substring searches over %,d documents (3-8 characters from seeded names, page 1 of 50 by name, total count;"
                + " 20 warm-up searches not counted): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; mean total count %,d%n", queries,
                seeded, ms[queries / 2], ms[(int) (queries * 0.9)], ms[(int) Math.ceil(queries * 0.99) - 1], ms[queries - 1], matched / queries);
    }

    /** What the browser's virtual table asks while scrolling: pages of 200 in name order, with the total, at random places. */
    static void scroll(DocumentsClient docs, int pages) {
        Random random = new Random(7);
        long total = docs.search(DocumentQuery.all()).total();
        int last = (int) Math.max(1, (total + 199) / 200);
        double[] ms = new double[pages];
        for (int i = 0; i < pages + 5; i++) {
            int page = 1 + random.nextInt(last);
            long t0 = System.nanoTime();
            DocumentPage p = docs.search(new DocumentQuery(null, null, null, null, null, null, null, null, DocumentQuery.Sort.NAME, false, page, 200));
            double took = (System.nanoTime() - t0) / 1e6;
            if (p.documents().isEmpty()) {
                throw new IllegalStateException("page " + page + " of " + last + " is empty");
            }
            if (i >= 5) {
                ms[i - 5] = took;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%d pages of 200 rows at random places in %,d documents, by name, with the total (what the browser's virtual table"
                + " fetches while scrolling; 5 warm-up pages not counted): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pages, total,
                ms[pages / 2], ms[(int) Math.ceil(pages * 0.99) - 1], ms[pages - 1]);
    }

    /**
     * Process CPU seconds (user + system) of this JVM and of the processes named in DOCS_BENCH_PIDS (the registry's
     * and the node's), read from /proc: what a transfer costs the machine, whatever the other load.
     */
    static final class Cpu {
        static double[] now() throws java.io.IOException {
            String pids = System.getenv().getOrDefault("DOCS_BENCH_PIDS", "").trim();
            List<String> all = new ArrayList<>(List.of("self"));
            if (!pids.isEmpty()) {
                all.addAll(List.of(pids.split("\\s+")));
            }
            double[] s = new double[all.size()];
            for (int i = 0; i < s.length; i++) {
                String stat = Files.readString(Path.of("/proc", all.get(i), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                s[i] = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, clock ticks of 1/100 s
            }
            return s;
        }

        static double total(double[] a, double[] b) {
            double t = 0;
            for (int i = 0; i < a.length; i++) {
                t += b[i] - a[i];
            }
            return t;
        }

        static String diff(double[] a, double[] b, double gib) {
            StringBuilder out = new StringBuilder();
            double total = 0;
            for (int i = 0; i < a.length; i++) {
                double v = (b[i] - a[i]) / gib;
                total += v;
                out.append(i == 0 ? "" : " + ").append(String.format("%.2f", v));
            }
            return a.length == 1 ? out.toString() : out + String.format(" = %.2f", total);
        }
    }

    static final class Counting extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }
}
