package org.syncline.sync.internal.server;

import java.io.InputStream;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.syncline.core.ErrorCode;
import org.syncline.core.Pages;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Signature;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.AccessCheck;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.Grant;
import org.syncline.protocol.Right;
import org.syncline.store.UserDirectory;
import org.syncline.sync.FileChange;
import org.syncline.sync.FolderMember;
import org.syncline.sync.Quota;
import org.syncline.protocol.ShareNames;
import org.syncline.sync.SyncMessages;

/**
 * The {@code sync.*} messages: each reads its body and lets the {@link SyncHub} check the sender's right on
 * the folder and do the work; every commit is pushed to the subscribers who may read that folder, and a
 * quota's changes to the admins and its user ({@link QuotaPushes}).
 */
final class SyncHandlers {
    private final CapabilityEndpoint endpoint;
    private final SyncHub hub;
    private final PackedChunks packs;
    private final DeltaUploads deltas;
    private final UserDirectory users;
    private final QuotaPushes quotas;
    private final StagedLists staged;

    SyncHandlers(CapabilityEndpoint endpoint, SyncHub hub, PackedChunks packs, DeltaUploads deltas, StagedLists staged, UserDirectory users) {
        this.endpoint = endpoint;
        this.staged = staged;
        this.hub = hub;
        this.packs = packs;
        this.deltas = deltas;
        this.users = users;
        this.quotas = new QuotaPushes(endpoint, hub);
    }

    void register() {
        endpoint.topic(SyncMessages.TOPIC, Access.USER);
        quotas.register();
        endpoint.handle(SyncMessages.CREATE, Access.USER, (ctx, body) -> Json.tree(hub.create(ctx.principal(), body.string("folder"))));
        endpoint.handle(SyncMessages.LIST, Access.USER, (ctx, body) -> Json.object("folders", hub.list(ctx.principal())));
        endpoint.handle(SyncMessages.INFO, Access.USER, (ctx, body) -> Json.tree(hub.info(ctx.principal(), body.string("folder"))));
        endpoint.handle(SyncMessages.RIGHT, Access.USER, (ctx, body) -> Json.object("right", hub.right(ctx.principal(), body.string("folder")).word()));
        endpoint.handle(SyncMessages.DELETE, Access.USER, (ctx, body) -> {
            String owner = quotas.limitedOwner(body.string("folder"));
            publish(hub.delete(ctx.principal(), body.string("folder")));
            quotas.usageChanged(owner);
            return Json.object("folder", body.string("folder"));
        });
        endpoint.handle(SyncMessages.SHARE, Access.USER, (ctx, body) -> {
            Grant g = grant(body, Right.parse(body.string("right")));
            boolean exists = g.kind() == Grant.Kind.USER ? users.find(g.subject()).isPresent() : users.groups().contains(g.subject());
            return Json.object("members", hub.share(ctx.principal(), body.string("folder"), g, exists));
        });
        endpoint.handle(SyncMessages.UNSHARE, Access.USER, (ctx, body) -> {
            Grant g = grant(body, Right.READ);
            return Json.object("members", hub.unshare(ctx.principal(), body.string("folder"), g.kind(), g.subject()));
        });
        endpoint.handle(SyncMessages.SHARE_NAMES, Access.USER, (ctx, body) -> {
            String folder = body.string("folder");
            if (!hub.right(ctx.principal(), folder).includes(Right.MANAGE)) {
                throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only a member with the manage right may share folder '" + folder + "'.");
            }
            UserDirectory.NameMatches m = users.namesStartingWith(body.string("prefix"), SyncMessages.SHARE_NAMES_LIMIT);
            return Json.tree(new ShareNames(m.users(), m.groups()));
        });
        endpoint.handle(SyncMessages.MEMBERS, Access.USER, (ctx, body) -> Json.object("members", hub.members(ctx.principal(), body.string("folder"))));
        endpoint.handle(SyncMessages.CHUNKS_MISSING, Access.USER, (ctx, body) -> Json.object("missing",
                hub.missing(ctx.principal(), body.string("folder"), body.list("chunks", String.class))));
        endpoint.handleUpload(SyncMessages.CHUNK_PUT, Access.USER, (ctx, body, data) -> {
            hub.putChunk(ctx.principal(), body.string("folder"), body.string("sha256"), new InflaterInputStream(data));
            return Json.object("sha256", body.string("sha256"));
        });
        endpoint.handleDownload(SyncMessages.CHUNK_GET, Access.USER, (ctx, body, out) -> {
            try (InputStream in = hub.openChunk(ctx.principal(), body.string("folder"), body.string("sha256"))) {
                DeflaterOutputStream deflating = new DeflaterOutputStream(out);
                in.transferTo(deflating);
                deflating.finish();
                deflating.flush();
            }
            return Json.object("sha256", body.string("sha256"));
        });
        endpoint.handleUpload(SyncMessages.CHUNKS_PUT, Access.USER, (ctx, body, data) -> Json.object("stored",
                packs.store(ctx.principal(), body.string("folder"), data)));
        endpoint.handleDownload(SyncMessages.CHUNKS_GET, Access.USER, (ctx, body, out) -> {
            List<String> shas = body.list("chunks", String.class);
            packs.send(ctx.principal(), body.string("folder"), shas, body.optBool("stored", false), out);
            return Json.object("chunks", shas.size());
        });
        endpoint.handleDownload(SyncMessages.SIGNATURE, Access.USER, (ctx, body, out) -> {
            Signature sig = deltas.signature(ctx.principal(), body.string("folder"), body.string("path"), body.number("revision"),
                    (int) body.optNumber("strong", -1));
            sig.write(out);
            return Json.object("blocks", sig.blockCount());
        });
        endpoint.handleUpload(SyncMessages.DELTA, Access.USER, (ctx, body, data) -> Json.tree(publish(deltas.apply(ctx.principal(),
                body.string("folder"), body.string("path"), body.number("base"), body.number("size"), body.string("sha256"), data))));
        DeltaDownloads deltasDown = new DeltaDownloads(deltas);
        endpoint.handleDownload(SyncMessages.DELTA_GET, Access.USER, (ctx, body, out) -> {
            org.syncline.core.delta.Delta.Stats d = deltasDown.send(ctx.principal(), body.string("folder"), body.string("path"),
                    body.number("revision"), body.string("signature"), out);
            return Json.object("literal", d.literalBytes(), "copied", d.copiedBytes(), "bytes", d.wireBytes());
        });
        endpoint.handle(SyncMessages.COMMIT, Access.USER, (ctx, body) -> {
            List<FileChange> changes = body.list("changes", FileChange.class);
            var done = Json.tree(publish(hub.commit(ctx.principal(), body.string("folder"), staged.resolve(changes))));
            staged.committed(changes);
            return done;
        });
        endpoint.handleUpload(SyncMessages.CHUNK_LIST_PUT, Access.USER, (ctx, body, data) -> {
            hub.requireWrite(ctx.principal(), body.string("folder"));
            StagedLists.Staged s = staged.put(data);
            return Json.object("list", s.name(), "chunks", s.chunks());
        });
        endpoint.handle(SyncMessages.CHANGES_SINCE, Access.USER, (ctx, body) -> Json.tree(hub.changesSince(ctx.principal(), body.string("folder"),
                body.optNumber("cursor", 0))));
        endpoint.handle(SyncMessages.HEAD_DIGEST, Access.USER, (ctx, body) -> Json.tree(hub.headDigest(ctx.principal(), body.string("folder"),
                body.number("cursor"))));
        endpoint.handle(SyncMessages.FILE_CHUNKS, Access.USER, (ctx, body) -> {
            if (!body.has("from")) { // an agent that reads the whole list at once
                return Json.object("chunks", hub.fileChunks(ctx.principal(), body.string("folder"), body.string("path"), body.number("revision")));
            }
            Pages.Page<ChunkRef> page = hub.fileChunks(ctx.principal(), body.string("folder"), body.string("path"), body.number("revision"),
                    body.number("from"), (int) Math.min(SyncMessages.FILE_CHUNKS_PAGE, body.optNumber("limit", SyncMessages.FILE_CHUNKS_PAGE)));
            return Json.object("chunks", page.items(), "more", page.more());
        });
        endpoint.handle(SyncMessages.HISTORY, Access.USER, (ctx, body) -> Json.tree(hub.history(ctx.principal(), body.string("folder"),
                body.optString("path", null), body.optNumber("before", 0), Math.toIntExact(Math.min(Integer.MAX_VALUE,
                        body.optNumber("limit", SyncHub.HISTORY_PAGE))))));
        endpoint.handle(SyncMessages.RESTORE, Access.USER, (ctx, body) -> Json.tree(publish(hub.restore(ctx.principal(), body.string("folder"),
                body.string("path"), body.number("revision")))));
        endpoint.handle(SyncMessages.TRASH, Access.USER, (ctx, body) -> Json.tree(hub.trash(ctx.principal(), body.string("folder"),
                body.optString("after", ""), Math.toIntExact(Math.min(Integer.MAX_VALUE, body.optNumber("limit", SyncHub.TRASH_PAGE))))));
        endpoint.handle(SyncMessages.TRASH_RESTORE, Access.USER, (ctx, body) -> Json.tree(publish(hub.restoreFromTrash(ctx.principal(),
                body.string("folder"), body.string("path")))));
        endpoint.handle(SyncMessages.QUOTA_SET, Access.ADMIN, (ctx, body) -> {
            String user = body.string("user");
            if (users.find(user).isEmpty()) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "There is no user '" + org.syncline.core.Names.printable(user) + "'.");
            }
            Quota q = hub.setQuota(user, body.number("bytes"));
            quotas.set(q);
            return Json.tree(q);
        });
        // Access.ADMIN: the endpoint refuses anyone else before the hub reads a row
        endpoint.handle(SyncMessages.QUOTA_LIST, Access.ADMIN, (ctx, body) -> Json.object("quotas",
                hub.quotas(users.list().stream().map(org.syncline.store.User::name).toList())));
        endpoint.handle(SyncMessages.QUOTA, Access.USER, (ctx, body) -> Json.tree(hub.quota(ctx.principal(),
                body.optString("user", ctx.principal().name()))));
    }

    /** Tells the folder's readers that it changed (they catch up with changes.since); returns the value. */
    private <T> T publish(SyncHub.Published<T> p) {
        endpoint.publish(SyncMessages.TOPIC, SyncMessages.CHANGED, Json.object("folder", p.folder(), "cursor", p.cursor()),
                principal -> AccessCheck.allows(principal, p.audience(), Right.READ));
        quotas.folderChanged(p.folder());
        return p.value();
    }

    private static Grant grant(JsonObject body, Right right) {
        return switch (body.string("kind")) {
            case FolderMember.USER -> Grant.user(body.string("subject"), right);
            case FolderMember.GROUP -> Grant.group(body.string("subject"), right);
            default -> throw new SynclineException(ErrorCode.BAD_REQUEST, "A member is a 'user' or a 'group'.");
        };
    }

}
