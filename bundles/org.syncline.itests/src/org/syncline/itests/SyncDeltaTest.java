package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Patch;
import org.syncline.core.delta.Signature;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;

/**
 * Large files travel as rsync-style deltas ({@code sync.signature}, {@code sync.delta}): a real hub and two real
 * agents; a 1 MiB edit in the middle of a 64 MiB file reaches the other agent with a few MiB on the wire, read
 * from the agents' own counters. The hub refuses a delta whose result is not the declared file, one that is
 * too long, and one from someone without the write right. Downloads go the other way ({@code sync.delta.get}):
 * a 1-byte and a scattered edit reach the other agent as deltas against its copy, and a write there during the
 * download is kept as a conflict copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncDeltaTest {
    private static final int MIB = 1024 * 1024;
    private SyncHubFixture hub;

    @BeforeAll
    void start() throws Exception {
        hub = new SyncHubFixture("delta", "large", SyncHubFixture.users("ann", "manage", "ben", "rw", "rita", "r"));
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void aMebibyteEditedInsideA64MebibyteFileTravelsAsADeltaAndTheHubChecksEveryDelta() throws Exception {
        SyncAgentProcess a = hub.agent("ann", "large-a");
        SyncAgentProcess b = hub.agent("ben", "large-b");
        a.start();
        b.start();
        Path big = a.dir.resolve("big.bin");
        Random random = new Random(64);
        byte[] block = new byte[MIB];
        try (var out = Files.newOutputStream(a.dir.resolve("big.bin.tmp"))) {
            for (int i = 0; i < 64; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Files.move(a.dir.resolve("big.bin.tmp"), big);
        Path copy = b.dir.resolve("big.bin");
        await(() -> Files.isRegularFile(copy) && sha(copy).equals(sha(big)), "the first version of big.bin on B");
        long downloadedBefore = counter(b.awaitLine(l -> l.contains("downloaded-files=1 "), "B's counters after the first download"),
                "downloaded-bytes");

        random.nextBytes(block);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.seek(32L * MIB - 12345);
            f.write(block);
        }
        String upload = a.awaitLine(l -> l.contains("upload big.bin (revision 2, delta of"), "the delta upload of big.bin");
        Matcher m = Pattern.compile("delta of (\\d+) bytes sent for (\\d+) bytes").matcher(upload);
        assertTrue(m.find(), upload);
        long sent = Long.parseLong(m.group(1));
        assertEquals(64L * MIB, Long.parseLong(m.group(2)));
        assertTrue(sent > MIB && sent < MIB + MIB / 4, "about the edited mebibyte goes up, not the file: " + upload);
        await(() -> sha(copy).equals(sha(big)), "the edited big.bin on B");
        String counters = b.awaitLine(l -> l.contains("downloaded-files=2 "), "B's counters after the second download");
        long downloaded = counter(counters, "downloaded-bytes") - downloadedBefore;
        assertTrue(downloaded > 0 && downloaded < 3L * MIB, "B fetches about the edit only: " + downloaded + " bytes; " + counters);
        String aCounters = a.awaitLine(l -> l.contains("delta-files=1 "), "A's counters after the delta");
        assertTrue(counter(aCounters, "uploaded-bytes") < 64L * MIB + 2L * MIB, aCounters);

        try (Connection ann = hub.connect("ann"); Connection rita = hub.connect("rita")) {
            SyncClient sync = new SyncClient(ann);
            Signature sig = sync.signature("large", "big.bin", 2, -1);
            assertEquals(64L * MIB, sig.length());
            byte[] other = "not the file".getBytes();
            ByteArrayOutputStream delta = new ByteArrayOutputStream();
            Delta.write(sig, new ByteArrayInputStream(other), delta);
            SynclineException wrong = assertThrows(SynclineException.class, () -> sync.putDelta("large", "big.bin", 2, 64L * MIB, sha(big),
                    new ByteArrayInputStream(delta.toByteArray())));
            assertEquals(ErrorCode.INTEGRITY, wrong.code(), wrong.getMessage());
            assertTrue(wrong.getMessage().contains("nothing was stored"), wrong.getMessage());

            byte[] huge = new byte[5 * MIB];
            ByteArrayOutputStream tooLong = new ByteArrayOutputStream();
            Delta.write(sig, new ByteArrayInputStream(huge), tooLong);
            SynclineException limit = assertThrows(SynclineException.class, () -> sync.putDelta("large", "big.bin", 2, 1000, Sha256.hex(huge),
                    new ByteArrayInputStream(tooLong.toByteArray())));
            assertEquals(ErrorCode.LIMIT_REACHED, limit.code(), limit.getMessage());

            SynclineException noBasis = assertThrows(SynclineException.class, () -> sync.signature("large", "big.bin", 9, -1));
            assertEquals(ErrorCode.NOT_FOUND, noBasis.code());
            SynclineException path = assertThrows(SynclineException.class, () -> sync.signature("large", "../big.bin", 2, -1));
            assertEquals(ErrorCode.INVALID_PATH, path.code(), path.getMessage());

            SynclineException reader = assertThrows(SynclineException.class, () -> new SyncClient(rita).putDelta("large", "big.bin", 2,
                    other.length, Sha256.hex(other), new ByteArrayInputStream(delta.toByteArray())));
            assertEquals(ErrorCode.ACCESS_DENIED, reader.code(), reader.getMessage());
            assertEquals(2, sync.history("large", "big.bin").size(), "no refused delta made a revision");
            assertEquals(sig.length(), new SyncClient(rita).signature("large", "big.bin", 2, 32).length(), "a reader may fetch a signature");
        }
        assertEquals(sha(big), sha(copy));
    }

    @Test
    void aOneByteAndAScatteredEditArriveOnTheOtherAgentByDeltaAndALocalChangeDuringTheDownloadIsKept() throws Exception {
        try (Connection ann = hub.connect("ann")) {
            SyncClient sync = new SyncClient(ann);
            sync.create("edits");
            sync.share("edits", "user", "ben", "write");
        }
        int size = 16 * MIB;
        try (SyncAgentProcess c = new SyncAgentProcess(hub.server, "ann", hub.server.home.resolve("edits-c"), "edits");
                SyncAgentProcess d = new SyncAgentProcess(hub.server, "ben", hub.server.home.resolve("edits-d"), "edits")) {
            c.start();
            d.start();
            Path file = c.dir.resolve("edits.bin");
            Random random = new Random(16);
            byte[] content = new byte[size];
            random.nextBytes(content);
            Files.write(c.dir.resolve("edits.bin.tmp"), content);
            Files.move(c.dir.resolve("edits.bin.tmp"), file);
            Path copy = d.dir.resolve("edits.bin");
            await(() -> Files.isRegularFile(copy) && sha(copy).equals(sha(file)), "the first version of edits.bin on D");
            assertTrue(d.awaitLine(l -> l.contains("downloaded-files=1 "), "D's counters after the first download").contains("delta-downloads=0"));

            // one byte: a block of ~4 KiB comes down, not a 64 KiB chunk
            content[size / 2 + 77] ^= 0x5a;
            edit(file, size / 2 + 77, content, 1);
            long oneByte = deltaReceived(d, 2, size);
            assertTrue(oneByte > 0 && oneByte < 16 * 1024, "a 1-byte edit costs about one block: " + oneByte + " bytes");
            await(() -> Arrays.equals(content, Files.readAllBytes(copy)), "the 1-byte edit on D, byte for byte");
            String first = d.awaitLine(l -> l.contains("delta-downloads=1"), "D's counters after the first delta");

            // 1% in 41 scattered places of 4 KiB: about two blocks each, where chunks would cost ~64 KiB each
            for (int i = 0; i < size / 100 / 4096; i++) {
                int at = random.nextInt(size - 4096);
                byte[] patch = new byte[4096];
                random.nextBytes(patch);
                System.arraycopy(patch, 0, content, at, patch.length);
            }
            Files.write(c.dir.resolve("edits.bin.tmp"), content);
            Files.move(c.dir.resolve("edits.bin.tmp"), file, StandardCopyOption.REPLACE_EXISTING);
            long scattered = deltaReceived(d, 3, size);
            assertTrue(scattered > size / 100 && scattered < size / 25, "1% scattered costs about twice the edits: " + scattered + " bytes");
            await(() -> Arrays.equals(content, Files.readAllBytes(copy)), "the scattered edit on D, byte for byte");
            String second = d.awaitLine(l -> l.contains("delta-downloads=2"), "D's counters after the second delta");
            assertEquals(scattered, counter(second, "downloaded-bytes") - counter(first, "downloaded-bytes"),
                    "the delta's bytes are the bytes D counts as downloaded: " + first + " / " + second);
            assertEquals(counter(first, "downloaded-files") + 1, counter(second, "downloaded-files"), second);
            try (Connection rita = hub.connect("rita"); Connection ben = hub.connect("ben")) {
                SyncClient reader = new SyncClient(ben);
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                reader.getDelta("edits", "edits.bin", 3, Signature.empty(), whole);
                ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
                Patch.apply(null, new ByteArrayInputStream(whole.toByteArray()), rebuilt);
                assertTrue(Arrays.equals(content, rebuilt.toByteArray()), "against nothing the delta is the whole revision");
                SynclineException stranger = assertThrows(SynclineException.class, () -> new SyncClient(rita).getDelta("edits", "edits.bin", 3,
                        Signature.empty(), java.io.OutputStream.nullOutputStream()));
                assertEquals(ErrorCode.NOT_FOUND, stranger.code(), "rita may not read folder 'edits': " + stranger.getMessage());
                SynclineException path = assertThrows(SynclineException.class, () -> reader.getDelta("edits", "../edits.bin", 3,
                        Signature.empty(), java.io.OutputStream.nullOutputStream()));
                assertEquals(ErrorCode.INVALID_PATH, path.code(), path.getMessage());
                SynclineException gone = assertThrows(SynclineException.class, () -> reader.getDelta("edits", "edits.bin", 9,
                        Signature.empty(), java.io.OutputStream.nullOutputStream()));
                assertEquals(ErrorCode.NOT_FOUND, gone.code(), gone.getMessage());
            }
            c.stop();
            d.stop();
        }

        // D again, with a download limit so the delta of a 256 KiB edit waits in its scratch file: D's own write then
        // lands during the download, and must survive as a conflict copy
        try (SyncAgentProcess c = new SyncAgentProcess(hub.server, "ann", hub.server.home.resolve("edits-c"), "edits");
                SyncAgentProcess d = new SyncAgentProcess(hub.server, "ben", hub.server.home.resolve("edits-d"), "edits")) {
            c.start();
            d.start("--down-limit", "40000");
            Path file = c.dir.resolve("edits.bin");
            Path copy = d.dir.resolve("edits.bin");
            byte[] content = Files.readAllBytes(file);
            byte[] patch = new byte[256 * 1024];
            new Random(17).nextBytes(patch);
            System.arraycopy(patch, 0, content, MIB, patch.length);
            edit(file, MIB, content, patch.length);
            Path state = d.dir.resolve(".syncline");
            await(() -> {
                try (var s = Files.newDirectoryStream(state, "delta-*.tmp")) {
                    return s.iterator().hasNext();
                }
            }, "D's delta download under way");
            byte[] mine = Files.readAllBytes(copy);
            mine[10] ^= 1;
            Files.write(copy, mine);
            await(() -> Arrays.equals(content, Files.readAllBytes(copy)), "C's edit on D");
            Pattern conflict = Pattern.compile("edits \\(conflict ben \\d{4}-\\d{2}-\\d{2} \\d{6}\\)\\.bin");
            Path[] kept = new Path[1];
            await(() -> {
                try (var s = Files.list(d.dir)) {
                    kept[0] = s.filter(f -> conflict.matcher(f.getFileName().toString()).matches()).findFirst().orElse(null);
                }
                return kept[0] != null;
            }, "D's own change kept as a conflict copy");
            assertTrue(Arrays.equals(mine, Files.readAllBytes(kept[0])), "D's change is in the conflict copy, never overwritten");
            d.awaitLine(l -> l.contains("conflict edits.bin"), "D's report of the conflict");
        }
    }

    /** Writes {@code n} bytes of {@code content} from {@code at} into {@code file} in place, as an editor saving a region. */
    private static void edit(Path file, int at, byte[] content, int n) throws java.io.IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            f.write(content, at, n);
        }
    }

    /** The bytes of delta agent {@code d} reports for revision {@code revision} of edits.bin. */
    private static long deltaReceived(SyncAgentProcess d, long revision, int size) throws InterruptedException {
        String line = d.awaitLine(l -> l.contains("download edits.bin (revision " + revision + " "), "revision " + revision + " of edits.bin on D");
        Matcher m = Pattern.compile("delta of (\\d+) bytes received for (\\d+) bytes").matcher(line);
        assertTrue(m.find(), "by delta: " + line);
        assertEquals(size, Long.parseLong(m.group(2)), line);
        return Long.parseLong(m.group(1));
    }

    private static long counter(String line, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(line);
        assertTrue(m.find(), line);
        return Long.parseLong(m.group(1));
    }

    private static void await(SyncHubFixture.Check check, String what) throws Exception {
        SyncHubFixture.await(check, what, () -> "");
    }

    private static String sha(Path file) throws java.io.IOException {
        return SyncHubFixture.sha(file);
    }
}
