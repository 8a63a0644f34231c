package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.delta.Delta;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * An agent's scan answers (only the changes since the master's base) and the master applying them, over the same
 * JSON the messages carry: the master always ends with the listing the disk has, whatever either side remembers.
 */
class IncrementalScansTest {
    @TempDir
    Path dir;
    private static final HopCompression PLAIN = new HopCompression(HopCompression.DEFLATE, 0);
    private ContentRoot root;
    private final List<JsonObject> answers = new ArrayList<>();

    @BeforeEach
    void tree() throws IOException {
        root = new ContentRoot(dir.resolve("content"));
        for (int i = 0; i < 50; i++) {
            write("tree/d" + (i % 5) + "/f" + i + ".bin", "version 1 of " + i);
        }
    }

    @Test
    void aSecondScanBringsOnlyTheChangesAndTheMasterHasTheWholeListing() throws IOException {
        ScanAnswers agent = agent();
        IncrementalScans master = master();
        IncrementalScans.Scan first = scan(master, agent, UnaryOperator.identity());
        assertFalse(first.incremental());
        assertEquals(50, first.listing().size());
        assertEquals(50, answers.get(0).list("files").size());

        write("tree/d1/f1.bin", "version 2");
        write("tree/d9/new.bin", "a new file");
        Files.delete(dir.resolve("content/tree/d2/f7.bin"));
        IncrementalScans.Scan second = scan(master, agent, UnaryOperator.identity());
        assertTrue(second.incremental());
        JsonObject answer = answers.get(1);
        assertFalse(answer.has("files"));
        assertEquals(List.of("d1/f1.bin", "d9/new.bin"), answer.list("changed", JsonObject.class).stream().map(o -> o.string("path")).toList());
        assertEquals(List.of("d2/f7.bin"), answer.list("removed", String.class));
        assertEquals(onDisk(), second.listing());
        assertTrue(second.bytes() * 5 < first.bytes(), second.bytes() + " bytes against " + first.bytes());

        IncrementalScans.Scan third = scan(master, agent, UnaryOperator.identity());
        assertTrue(third.incremental());
        assertEquals(0, answers.get(2).list("changed").size());
        assertEquals(onDisk(), third.listing());
    }

    @Test
    void bothSidesKeepTheirListingsAcrossRestarts() throws IOException {
        scan(master(), agent(), UnaryOperator.identity());
        write("tree/d3/f3.bin", "changed while both were down");
        IncrementalScans.Scan after = scan(master(), agent(), UnaryOperator.identity());
        assertTrue(after.incremental(), "new instances on the same data directories");
        assertEquals(List.of("d3/f3.bin"), answers.get(1).list("changed", JsonObject.class).stream().map(o -> o.string("path")).toList());
        assertEquals(onDisk(), after.listing());
    }

    @Test
    void anAgentWhoseDataWasResetAnswersInFull() throws IOException {
        IncrementalScans master = master();
        scan(master, agent(), UnaryOperator.identity());
        write("tree/d0/f0.bin", "version 2");
        IncrementalScans.Scan after = scan(master, new ScanAnswers(new ListingStore(dir.resolve("agent-reset"))), UnaryOperator.identity());
        assertFalse(after.incremental());
        assertEquals(50, answers.get(1).list("files").size());
        assertEquals(onDisk(), after.listing());
    }

    @Test
    void aMasterWithoutABaseOrWithAnotherOneGetsEveryFile() throws IOException {
        ScanAnswers agent = agent();
        scan(master(), agent, UnaryOperator.identity());
        write("tree/d4/f4.bin", "version 2");
        // another master data directory: no base, so since is empty and the agent answers in full
        IncrementalScans.Scan fresh = scan(new IncrementalScans(new ListingStore(dir.resolve("other-master"))), agent, UnaryOperator.identity());
        assertFalse(fresh.incremental());
        assertEquals(onDisk(), fresh.listing());
        // the first master's base is now older than what the agent last reported: the digests differ, so in full
        write("tree/d4/f4.bin", "version 3");
        IncrementalScans.Scan stale = scan(master(), agent, UnaryOperator.identity());
        assertFalse(stale.incremental());
        assertEquals(50, answers.get(2).list("files").size());
        assertEquals(onDisk(), stale.listing());
    }

    @Test
    void changesThatDoNotLeadToTheAgentsDigestAreNotTakenTheFolderIsScannedAgainInFull() throws IOException {
        ScanAnswers agent = agent();
        IncrementalScans master = master();
        scan(master, agent, UnaryOperator.identity());
        write("tree/d1/f6.bin", "version 2");
        write("tree/d2/f2.bin", "version 2");
        // one changed entry lost on the way: applying the rest does not give the digest the agent sent
        boolean[] once = { true };
        IncrementalScans.Scan s = scan(master, agent, a -> {
            if (!a.has("changed") || !once[0]) {
                return a;
            }
            once[0] = false;
            Map<String, Object> cut = new LinkedHashMap<>(a.map());
            cut.put("changed", a.list("changed").subList(0, 1));
            return new JsonObject(cut);
        });
        assertFalse(s.incremental());
        assertTrue(answers.get(2).has("files"), "asked again, in full");
        assertEquals(onDisk(), s.listing());
        assertTrue(scan(master, agent, UnaryOperator.identity()).incremental(), "the next scan has a good base again");
    }

    @Test
    void aDamagedListingFileCountsAsNoListing() throws IOException {
        scan(master(), agent(), UnaryOperator.identity());
        try (var files = Files.list(dir.resolve("agent"))) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[] { 1, 2, 3 });
            }
        }
        IncrementalScans.Scan s = scan(master(), agent(), UnaryOperator.identity());
        assertFalse(s.incremental());
        assertEquals(onDisk(), s.listing());
    }

    @Test
    void filesARunWroteOrDeletedAreNotReportedBackWhenBothSidesHeardOfThem() throws IOException {
        ScanAnswers agent = agent();
        IncrementalScans master = master();
        root.onWrite(agent::written);
        scan(master, agent, UnaryOperator.identity());
        // the run writes one file and deletes another through the content root; the master hears both succeed
        String sha = patch("tree/d0/run.bin", "delivered by a run");
        master.written("agent-1", "tree/d0/run.bin", new ContentRoot.Entry("tree/d0/run.bin", 18, sha));
        root.delete("tree/d1/f1.bin");
        master.written("agent-1", "tree/d1/f1.bin", null);
        write("tree/d2/f2.bin", "changed by someone else");
        master.flush();
        agent.flush();
        IncrementalScans.Scan next = scan(master(), agent(), UnaryOperator.identity());
        assertTrue(next.incremental(), "after a restart of both, from the listings flushed");
        assertEquals(List.of("d2/f2.bin"), answers.get(1).list("changed", JsonObject.class).stream().map(o -> o.string("path")).toList());
        assertEquals(List.of(), answers.get(1).list("removed", String.class));
        assertEquals(onDisk(), next.listing());
    }

    @Test
    void aWriteOnlyTheAgentNotedMakesTheDigestsDifferSoTheScanIsInFull() throws IOException {
        ScanAnswers agent = agent();
        IncrementalScans master = master();
        root.onWrite(agent::written);
        scan(master, agent, UnaryOperator.identity());
        patch("tree/d0/lost.bin", "its answer never reached the master");
        IncrementalScans.Scan next = scan(master, agent, UnaryOperator.identity());
        assertFalse(next.incremental());
        assertTrue(next.listing().entries().stream().anyMatch(e -> e.path().equals("d0/lost.bin")));
        assertEquals(onDisk(), next.listing());
    }

    private ScanAnswers agent() {
        return new ScanAnswers(new ListingStore(dir.resolve("agent")));
    }

    private IncrementalScans master() {
        return new IncrementalScans(new ListingStore(dir.resolve("master")));
    }

    /** One scan of "tree" from master to agent through JSON text, as the messages go; {@code wire} may change the answer. */
    private IncrementalScans.Scan scan(IncrementalScans master, ScanAnswers agent, UnaryOperator<JsonObject> wire) {
        return master.scan("agent-1", "tree", body -> {
            JsonObject ask = JsonObject.parse(Json.write(body));
            try {
                Map<String, Object> a = agent.answer(ask.string("dir"), ask.optString("since", ""), Listing.of(root.scan(ask.string("dir"))));
                JsonObject answer = wire.apply(JsonObject.parse(Json.write(a)));
                answers.add(answer);
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Listing onDisk() throws IOException {
        return Listing.of(root.scan("tree"));
    }

    /** Writes a file as a run does: a whole-file delta applied by the content root. */
    private String patch(String path, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        String sha = Delta.whole(new ByteArrayInputStream(bytes), delta, null).sha256();
        return root.patch(path, new ByteArrayInputStream(delta.toByteArray()), PLAIN, sha, false);
    }

    private void write(String path, String content) throws IOException {
        Path f = dir.resolve("content").resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }
}
