import java.io.*;
import java.lang.management.*;
import java.nio.file.*;
import java.security.MessageDigest;
import org.syncline.core.delta.*;

/**
 * The CPU the steps of one whole-file hop take for 64 MiB of random bytes, in one JVM (thread CPU time, median of
 * 5 after 3 warm-ups): the sender's delta encoder against an empty signature, the receiver's patch with its SHA-256
 * check, a spool file's write and read, the in-memory pipe's copy. Run against a server product's core jar
 * (hop-cpu.sh), so two builds compare; TLS is measured by tls-cost.sh.
 */
public class HopCpu {
    static ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    interface Step { void run() throws Exception; }
    static double ms(Step s) throws Exception {
        double[] t = new double[8];
        for (int i = 0; i < t.length; i++) { long a = mx.getCurrentThreadCpuTime(); s.run(); t[i] = (mx.getCurrentThreadCpuTime() - a) / 1e6; }
        double[] k = java.util.Arrays.copyOfRange(t, 3, 8); java.util.Arrays.sort(k); return k[2];
    }
    static final OutputStream NULL = OutputStream.nullOutputStream();
    public static void main(String[] a) throws Exception {
        byte[] data = new byte[64 << 20]; new java.util.Random(1).nextBytes(data);
        boolean hasWhole = false;
        try { Delta.class.getMethod("whole", InputStream.class, OutputStream.class, String.class); hasWhole = true; } catch (NoSuchMethodException e) { }
        System.out.printf("SHA-256 of 64 MiB: %.0f ms CPU%n", ms(() -> { MessageDigest d = MessageDigest.getInstance("SHA-256"); d.update(data); d.digest(); }));
        System.out.printf("Delta.write(empty signature) of 64 MiB: %.0f ms CPU%n", ms(() -> Delta.write(Signature.empty(), new ByteArrayInputStream(data), NULL)));
        if (hasWhole) {
            System.out.printf("Delta.whole with the hash given (forwarder): %.0f ms CPU%n", ms(() -> Delta.class.getMethod("whole", InputStream.class, OutputStream.class, String.class).invoke(null, new ByteArrayInputStream(data), NULL, "00".repeat(32))));
        }
        ByteArrayOutputStream d = new ByteArrayOutputStream(); Delta.write(Signature.empty(), new ByteArrayInputStream(data), d);
        byte[] delta = d.toByteArray();
        System.out.printf("Patch.apply of it to a null stream: %.0f ms CPU%n", ms(() -> Patch.apply((java.nio.channels.FileChannel) null, new ByteArrayInputStream(delta), NULL)));
        Path dir = Files.createTempDirectory("hopcpu");
        System.out.printf("write 64 MiB to a file in 64 KiB writes + read back (a spool's write and read): %.0f ms CPU%n", ms(() -> {
            Path f = dir.resolve("s"); try (OutputStream o = Files.newOutputStream(f)) { for (int i = 0; i < data.length; i += 65536) o.write(data, i, 65536); }
            byte[] b = new byte[65536]; try (InputStream in = Files.newInputStream(f)) { while (in.read(b) > 0) { } } Files.delete(f); }));
        System.out.printf("write 64 MiB to a file in 8 KiB writes + read back in 8 KiB: %.0f ms CPU%n", ms(() -> {
            Path f = dir.resolve("s"); try (OutputStream o = Files.newOutputStream(f)) { for (int i = 0; i < data.length; i += 8192) o.write(data, i, 8192); }
            byte[] b = new byte[8192]; try (InputStream in = Files.newInputStream(f)) { while (in.read(b) > 0) { } } Files.delete(f); }));
        Files.delete(dir);
        System.out.printf("copy 64 MiB into fresh 64 KiB arrays (the pipe's copy): %.0f ms CPU%n", ms(() -> { for (int i = 0; i < data.length; i += 65536) java.util.Arrays.copyOfRange(data, i, i + 65536); }));
    }
}
