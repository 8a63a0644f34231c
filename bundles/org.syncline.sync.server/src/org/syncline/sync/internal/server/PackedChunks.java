package org.syncline.sync.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.store.Database;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.internal.server.FolderAccess.Checked;

/**
 * Many chunks per request, both ways ({@link ChunkPack}). An upload's chunks go to one new pack file, forced
 * once, then their rows are recorded in one transaction ({@link ChunkStorage}). A download checks in one
 * transaction that every chunk asked for belongs to a file of the folder.
 */
final class PackedChunks {
    private final Database db;
    private final ChunkStorage chunks;

    PackedChunks(Database db, ChunkStorage chunks) {
        this.db = db;
        this.chunks = chunks;
    }

    /** Stores every chunk of the pack, each verified against its hash; returns how many. */
    int store(Principal p, String folder, InputStream pack) throws IOException {
        db.inTransaction(c -> FolderAccess.require(c, p, folder, Right.WRITE));
        return chunks.storePack(new ChunkPack.Reader(pack));
    }
    /**
     * Writes the chunks asked for, in that order; those deflating does not shrink stored when the client reads stored
     * entries ({@code stored}), else all deflated. The hub keeps chunks raw, so a chunk is judged as it goes out, unless
     * its uploader already judged it and sent it stored (its row says so): that one goes stored as it is.
     */
    void send(Principal p, String folder, List<String> shas, boolean stored, OutputStream out) throws IOException {
        if (shas.size() > ChunkPack.MAX_CHUNKS) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "Ask for at most " + ChunkPack.MAX_CHUNKS + " chunks at a time, not " + shas.size() + ".");
        }
        shas.forEach(SyncHub::requireSha);
        java.util.Map<String, PackFiles.Slot> at = db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            java.util.Set<String> ofFolder = RevisionTable.chunksOfFolder(c, f.folder().id(), shas);
            for (String sha : shas) {
                if (!ofFolder.contains(sha)) {
                    throw new SynclineException(ErrorCode.NOT_FOUND, "No file of folder '" + folder + "' has chunk " + sha + ".");
                }
            }
            return ChunkTable.locations(c, shas);
        });
        for (String sha : shas) {
            byte[] data = chunks.readForClient(sha, at.get(sha));
            PackFiles.Slot slot = at.get(sha);
            if (stored && slot != null && slot.sentStored()) {
                ChunkPack.writeStored(out, sha, data, data.length);
            } else {
                ChunkPack.write(out, sha, data, data.length, stored);
            }
        }
    }

}
