package org.syncline.sync.internal.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.BlobStore;
import org.syncline.store.Migration;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.sync.SyncMessages;

/**
 * Sync folders: the hub. Chunks go to pack files ({@code packs/}) and a blob store ({@code chunks/}) of their own
 * under the capability's directory, so no other capability's clean-up can take a chunk a revision still needs. Settings: {@code sync.trash-retention}
 * (default 30d) and {@code sync.purge-interval} (default 1h).
 */
public final class SyncCapability implements Capability {
    static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    @Override
    public String name() {
        return SyncMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of("hub");
    }

    @Override
    public List<Migration> migrations() {
        return SyncSchema.MIGRATIONS;
    }

    @Override
    public AutoCloseable start(ServerContext context) {
        Duration retention = context.settings().duration("sync.trash-retention", DEFAULT_RETENTION);
        Duration interval = context.settings().duration("sync.purge-interval", Duration.ofHours(1));
        ChunkStorage chunks = new ChunkStorage(context.database(), new BlobStore(context.directory().resolve("chunks")),
                new PackFiles(context.directory().resolve("packs")));
        int recovered = chunks.recover();
        if (recovered > 0) {
            context.log().info("Sync hub: removed " + recovered + " pack file(s) a stop cut short or no chunk names");
        }
        SyncHub hub = new SyncHub(context.database(), chunks, retention, context.log());
        DeltaUploads deltas = new DeltaUploads(context.database(), chunks, hub, context.directory().resolve("delta-scratch"));
        StagedLists staged = new StagedLists(context.directory().resolve("chunk-lists"));
        try {
            deltas.clearScratch();
            staged.clear();
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The hub's scratch directories cannot be prepared (" + e.getMessage() + ").", e);
        }
        new SyncHandlers(context.endpoint(), hub, new PackedChunks(context.database(), chunks), deltas, staged, context.users()).register();
        long every = Math.max(1, interval.toSeconds());
        ScheduledFuture<?> purge = context.scheduler().scheduleWithFixedDelay(() -> {
            try {
                hub.purge(SyncHub.now());
            } catch (RuntimeException e) {
                context.log().log(Level.WARNING, "The sync trash purge failed; it runs again in " + every + " s", e);
            }
        }, Math.min(every, 60), every, TimeUnit.SECONDS);
        return () -> purge.cancel(false);
    }
}
