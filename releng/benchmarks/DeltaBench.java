import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

import org.syncline.core.Sha256;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Patch;
import org.syncline.core.delta.Signature;

/**
 * Bytes org.syncline.core.delta puts on the wire to bring BASIS (a file or a tree) to NEW: for every file whose
 * size or mtime differ (rsync's quick check), the basis's signature sent back plus the delta; for a tree also a
 * file list (path, size, mtime per file, which rsync sends as well). Each delta is patched into a scratch copy
 * and checked against the new file's SHA-256, so the figure is that of a delta that works.
 *   usage: java -cp org.syncline.core.jar DeltaBench.java BASIS NEW
 */
public class DeltaBench {
    public static void main(String[] args) throws IOException {
        Path basis = Path.of(args[0]);
        Path changed = Path.of(args[1]);
        Path scratch = Files.createTempDirectory("delta-bench");
        long list = 0;
        long sig = 0;
        long delta = 0;
        long literal = 0;
        int files = 0;
        int sent = 0;
        List<Path> all;
        try (Stream<Path> s = Files.walk(changed)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        boolean tree = Files.isDirectory(changed);
        for (Path f : all) {
            String rel = tree ? changed.relativize(f).toString() : f.getFileName().toString();
            Path old = tree ? basis.resolve(rel) : basis;
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            files++;
            if (tree) {
                list += varint(rel.getBytes(StandardCharsets.UTF_8).length) + rel.getBytes(StandardCharsets.UTF_8).length
                        + varint(a.size()) + varint(a.lastModifiedTime().toMillis() / 1000);
            }
            if (Files.exists(old) && Files.size(old) == a.size() && Files.getLastModifiedTime(old).equals(a.lastModifiedTime())) {
                continue;
            }
            sent++;
            Signature s = Signature.of(old);
            sig += s.wireSize();
            Path d = scratch.resolve("delta");
            Delta.Stats st;
            try (InputStream in = Files.newInputStream(f); OutputStream out = Files.newOutputStream(d)) {
                st = Delta.write(s, in, out);
            }
            delta += st.wireBytes();
            literal += st.literalBytes();
            Path result = scratch.resolve("result");
            try (InputStream in = Files.newInputStream(d)) {
                Patch.apply(old, in, result);
            }
            String want;
            try (InputStream in = Files.newInputStream(f)) {
                want = Sha256.hex(in);
            }
            if (!st.sha256().equals(want)) {
                throw new IllegalStateException(rel + ": the patched file differs from the new one");
            }
        }
        Files.deleteIfExists(scratch.resolve("delta"));
        Files.deleteIfExists(scratch.resolve("result"));
        Files.delete(scratch);
        System.out.printf("files %d, sent %d: file list %d B + signatures %d B + deltas %d B (literal %d B) = total %d B%n",
                files, sent, list, sig, delta, literal, list + sig + delta);
        System.out.println("TOTAL " + (list + sig + delta));
    }

    private static int varint(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
