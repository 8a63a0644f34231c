package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.core.Sha256;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.CommitResult;
import org.syncline.sync.FileChange;

/**
 * A commit's answer names the folder's change before it, so an agent may move its cursor past its own commit only
 * when nobody else changed the folder in between: commits to other folders (which take seqs too) do not count, a
 * restore does, and a deleted folder's record goes with it.
 */
class FolderChangesTest extends WithDerbyHub {

    @BeforeEach
    void open() {
        hub.create(ann, "other");
    }

    @Test
    void eachCommitNamesTheFoldersChangeBeforeItAndOnlyThatFoldersChangesCount() throws IOException {
        CommitResult first = commit("shared", "a.txt", 0, "a");
        assertEquals(0, first.folderBefore(), "a new folder has no change before");
        CommitResult elsewhere = commit("other", "x.txt", 0, "x");
        assertEquals(0, elsewhere.folderBefore());
        assertTrue(elsewhere.cursor() > first.cursor());

        CommitResult second = commit("shared", "b.txt", 0, "b");
        assertEquals(first.cursor(), second.folderBefore(), "the other folder's commit in between is not a change of this one");

        long restored = hub.restore(ann, "shared", "a.txt", 1).cursor();
        CommitResult third = commit("shared", "c.txt", 0, "c");
        assertEquals(restored, third.folderBefore(), "a restore is a change someone made");

        CommitResult conflict = commit("shared", "b.txt", 0, "b changed against no revision");
        assertTrue(conflict.files().get(0).conflict());
        assertEquals(third.cursor(), conflict.folderBefore());

        hub.delete(ann, "other");
        assertEquals(1, db.inTransaction(c -> Sql.number(c, "SELECT COUNT(*) FROM sync_folder_changes")), "only 'shared' is left");
    }

    private CommitResult commit(String folder, String path, long base, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(data);
        try (InputStream in = new ByteArrayInputStream(data)) {
            hub.putChunk(ann, folder, sha, in);
        }
        return hub.commit(ann, folder, List.of(FileChange.put(path, base, data.length, sha, List.of(new ChunkRef(sha, data.length))))).value();
    }
}
