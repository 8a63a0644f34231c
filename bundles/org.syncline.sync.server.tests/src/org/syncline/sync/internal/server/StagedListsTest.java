package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChunkList;
import org.syncline.sync.FileChange;

/** Chunk lists sent ahead of a commit: kept whole by their name, put in place of it, let go of after the commit; bad ones refused. */
class StagedListsTest {
    @TempDir
    Path dir;

    private static List<ChunkRef> chunks(int n) {
        List<ChunkRef> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ChunkRef(Sha256.hex(("chunk " + i).getBytes()), 65536 + i));
        }
        return out;
    }

    @Test
    void aListSentAheadTakesThePlaceOfItsNameAndGoesAfterTheCommit() throws Exception {
        StagedLists staged = new StagedLists(dir.resolve("lists"));
        staged.clear();
        List<ChunkRef> list = chunks(3000);
        StagedLists.Staged s = staged.put(new ByteArrayInputStream(ChunkList.write(list)));
        assertEquals(3000, s.chunks());
        assertEquals(ChunkList.name(ChunkList.write(list)), s.name());
        long size = list.stream().mapToLong(ChunkRef::length).sum();
        FileChange named = FileChange.put("vm/disk.img", 0, size, Sha256.hex(new byte[1]), list).withChunkList(s.name());
        assertTrue(named.chunks().isEmpty());
        FileChange small = FileChange.put("a.txt", 0, 1, Sha256.hex(new byte[1]), chunks(1));
        List<FileChange> resolved = staged.resolve(List.of(small, named));
        assertSame(small, resolved.get(0));
        assertEquals(list, resolved.get(1).chunks());
        assertEquals("", resolved.get(1).chunkList());
        assertEquals(named.path(), resolved.get(1).path());
        staged.committed(List.of(small, named));
        assertFalse(Files.exists(dir.resolve("lists").resolve(s.name())), "let go of once committed");
        SynclineException gone = assertThrows(SynclineException.class, () -> staged.resolve(List.of(named)));
        assertEquals(ErrorCode.NOT_FOUND, gone.code());
        assertTrue(gone.getMessage().startsWith("The chunk list of 'vm/disk.img' is not on the hub"), gone.getMessage());
    }

    @Test
    void aNameThatIsNotAHashAndAChangeWithBothAreRefused() throws Exception {
        StagedLists staged = new StagedLists(dir.resolve("lists"));
        staged.clear();
        FileChange trick = FileChange.put("x", 0, 1, Sha256.hex(new byte[1]), List.of()).withChunkList("../../etc/passwd");
        SynclineException e = assertThrows(SynclineException.class, () -> staged.resolve(List.of(trick)));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("which is not a SHA-256"), e.getMessage());
        FileChange both = new FileChange(FileChange.PUT, "y", 0, "", 1, Sha256.hex(new byte[1]), chunks(1), Sha256.hex(new byte[2]));
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, () -> staged.resolve(List.of(both))).code());
    }

    @Test
    void aBrokenStreamIsRefusedAndNothingIsKept() throws Exception {
        StagedLists staged = new StagedLists(dir.resolve("lists"));
        staged.clear();
        byte[] good = ChunkList.write(chunks(2));
        SynclineException cut = assertThrows(SynclineException.class, () -> staged.put(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 3))));
        assertEquals("A chunk list ends inside its entry 2; each entry is 36 bytes.", cut.getMessage());
        byte[] zero = ChunkList.write(List.of(new ChunkRef(Sha256.hex(new byte[3]), 1)));
        zero[35] = 0;
        SynclineException empty = assertThrows(SynclineException.class, () -> staged.put(new ByteArrayInputStream(zero)));
        assertTrue(empty.getMessage().startsWith("Entry 1 of a chunk list names a chunk of 0 bytes"), empty.getMessage());
        try (var left = Files.list(dir.resolve("lists"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aStartClearsWhatAStopLeft() throws Exception {
        StagedLists staged = new StagedLists(dir.resolve("lists"));
        staged.clear();
        String name = staged.put(new ByteArrayInputStream(ChunkList.write(chunks(5)))).name();
        assertTrue(Files.exists(dir.resolve("lists").resolve(name)));
        new StagedLists(dir.resolve("lists")).clear();
        assertFalse(Files.exists(dir.resolve("lists").resolve(name)));
    }
}
