package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;

/**
 * A commit is one request, and a hub closes a connection that sends a frame over its limit, so a pass whose commit
 * was too large failed the same way on every retry and nothing of the folder synced. A real hub with a frame limit of
 * 96 KiB (`--max-frame`, so that a test holds what the default 16 MiB means at ~10 GiB) and two real agents: 100
 * files whose commit in one would be ~100 KB go up in several commits and reach the other agent, and a file whose
 * list of chunks alone is over the limit (at the default frame: a file over ~10 GiB) has its list sent ahead
 * (sync.chunklist.put) and reaches the other agent too, which reads the list in pages.
 */
class SyncFrameLimitTest {
    private static final int KIB = 1024;

    @Test
    void largeChangeSetsAreCommittedInPartsAndAFileWhoseListIsOverTheFrameSendsItAhead() throws Exception {
        try (SyncHubFixture hub = new SyncHubFixture("frame", "media", SyncHubFixture.users("ann", "manage", "ben", "rw"), "--max-frame",
                String.valueOf(96 * KIB))) {
            SyncAgentProcess a = hub.agent("ann", "media-a");
            SyncAgentProcess b = hub.agent("ben", "media-b");
            Random random = new Random(96);
            byte[] photo = new byte[512 * KIB];
            for (int i = 0; i < 100; i++) {
                random.nextBytes(photo); // random: ~8 chunks a file, each named in the commit
                Files.write(a.dir.resolve(String.format("IMG_%03d.raw", i)), photo);
            }
            byte[] mib = new byte[1024 * KIB];
            try (var out = Files.newOutputStream(a.dir.resolve("huge.bin"))) {
                for (int i = 0; i < 80; i++) { // ~1,280 chunks: ~120 KB of chunk list, over 96 KiB
                    random.nextBytes(mib);
                    out.write(mib);
                }
            }
            a.start();
            b.start();

            SyncHubFixture.await(() -> {
                try (var files = Files.list(b.dir)) {
                    return files.filter(f -> f.getFileName().toString().startsWith("IMG_")).count() == 100;
                }
            }, "all 100 files on B", () -> a.output().toString());
            for (int i = 0; i < 100; i += 33) {
                String name = String.format("IMG_%03d.raw", i);
                assertEquals(SyncHubFixture.sha(a.dir.resolve(name)), SyncHubFixture.sha(b.dir.resolve(name)), name);
            }
            String huge = SyncHubFixture.sha(a.dir.resolve("huge.bin"));
            SyncHubFixture.await(() -> Files.exists(b.dir.resolve("huge.bin")) && huge.equals(SyncHubFixture.sha(b.dir.resolve("huge.bin"))),
                    "huge.bin on B", () -> a.output().toString() + "\n" + b.output());
            assertTrue(a.output().stream().noneMatch(l -> l.contains("too large to sync")), a.output().toString());
            try (Connection ann = hub.connect("ann")) {
                SyncClient sync = new SyncClient(ann);
                assertEquals(96 * KIB, sync.largestRequest(), "the agent learnt the hub's limit");
                assertTrue(sync.history("media", "IMG_099.raw").size() == 1);
                List<ChunkRef> whole = sync.fileChunks("media", "huge.bin", 1);
                assertTrue(whole.size() > 1000, whole.size() + " chunks");
                assertEquals(80L * 1024 * KIB, whole.stream().mapToLong(ChunkRef::length).sum());
                assertEquals(whole, sync.fileChunks("media", "huge.bin", 1, 500), "read 500 at a time, the same list");
            }
        }
    }
}
