package org.syncline.documents.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.documents.DocumentsMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.protocol.TransferTickets;
import org.syncline.server.api.Enrollment;
import org.syncline.store.BlobStore;

/**
 * A storage node's own endpoint: the registry it joined (logged in with the secret exchanged at enrollment,
 * and nobody else) stores, reads, checks and deletes blobs. Keeps count of the bytes it holds.
 */
final class BlobService {
    private static final String PUT = "put";
    /** A download ticket's scope: this, then the blob's SHA-256. */
    private static final String GET = "get:";
    private final BlobStore blobs;
    private final Path dir;
    /** Direct transfers' tickets; an upload's result is what it stored. */
    private final TransferTickets<StorageNode.DirectUpload> tickets = new TransferTickets<>(DocumentsMessages.CAPABILITY, java.time.Clock.systemUTC());

    BlobService(Path dir) {
        this.dir = dir;
        this.blobs = new BlobStore(dir);
    }

    Path directory() {
        return dir;
    }

    void register(CapabilityEndpoint endpoint) {
        endpoint.handleUpload(DocumentsMessages.BLOB_PUT, Access.MEMBER, (ctx, body, data) -> {
            requireRegistry(ctx);
            String sha = blobs.put(data);
            long size = blobs.size(sha);
            return Json.object("sha256", sha, "size", size);
        });
        endpoint.handleUpload(DocumentsMessages.BLOB_PUT_BATCH, Access.MEMBER, (ctx, body, data) -> {
            requireRegistry(ctx);
            List<Long> sizes = sizes(body);
            List<String> shas = blobs.putAll(sizes, data);
            if (data.read() >= 0) {
                // nothing is referenced yet: the registry removes what it does not commit, the inventory reports the rest
                throw new SynclineException(ErrorCode.BAD_REQUEST, "The batch's stream holds more bytes than its " + sizes.size() + " sizes declare.");
            }
            List<Object> stored = new java.util.ArrayList<>();
            for (int i = 0; i < shas.size(); i++) {
                stored.add(Json.object("sha256", shas.get(i), "size", sizes.get(i)));
            }
            return Json.object("blobs", stored);
        });
        endpoint.handleDownload(DocumentsMessages.BLOB_GET, Access.MEMBER, (ctx, body, out) -> {
            requireRegistry(ctx);
            try (InputStream in = blobs.open(body.string("sha256"))) {
                in.transferTo(out);
            }
            return Json.object();
        });
        endpoint.handleDownload(DocumentsMessages.BLOB_LIST, Access.MEMBER, (ctx, body, out) -> {
            requireRegistry(ctx);
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.US_ASCII);
            BlobFolder.list(dir, (sha, size) -> {
                try {
                    w.write(sha + " " + size + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
            return Json.object();
        });
        registerTickets(endpoint);
        endpoint.handle(DocumentsMessages.BLOB_HAS, Access.MEMBER, (ctx, body) -> {
            requireRegistry(ctx);
            return Json.object("exists", blobs.exists(sha(body.string("sha256"))));
        });
        endpoint.handle(DocumentsMessages.BLOB_DELETE, Access.MEMBER, (ctx, body) -> {
            requireRegistry(ctx);
            String sha = sha(body.string("sha256"));
            return Json.object("deleted", blobs.delete(sha));
        });
    }

    /**
     * Direct transfers: the registry asks for a ticket after checking the user's right; the client logs in with it and
     * streams one blob up or down; the registry then claims what an upload stored (the node's own SHA-256 and size).
     */
    private void registerTickets(CapabilityEndpoint endpoint) {
        endpoint.acceptTickets(tickets);
        endpoint.handle(DocumentsMessages.BLOB_TICKET, Access.MEMBER, (ctx, body) -> {
            requireRegistry(ctx);
            TransferTickets.Issued t = switch (body.string("purpose")) {
                case "put" -> tickets.issue(PUT);
                case "get" -> {
                    String sha = sha(body.string("sha256"));
                    if (!blobs.exists(sha)) {
                        throw new SynclineException(ErrorCode.NOT_FOUND, "This storage node has no blob " + sha + ".");
                    }
                    yield tickets.issue(GET + sha);
                }
                default -> throw new SynclineException(ErrorCode.BAD_REQUEST, "A transfer ticket is for 'put' or 'get'.");
            };
            return Json.object("ticket", t.id(), "secret", t.secret());
        });
        endpoint.handle(DocumentsMessages.BLOB_CLAIM, Access.MEMBER, (ctx, body) -> {
            requireRegistry(ctx);
            StorageNode.DirectUpload s = tickets.claim(body.string("ticket"));
            return Json.object("sha256", s.sha256(), "size", s.size(), "head", java.util.Base64.getEncoder().encodeToString(s.head()));
        });
        endpoint.handleUpload(DocumentsMessages.BLOB_SEND, Access.TICKET, (ctx, body, data) -> {
            tickets.use(ctx.principal(), PUT);
            HeadCapture in = new HeadCapture(data, org.syncline.documents.MimeTypes.HEAD);
            String sha = blobs.put(in);
            long size = blobs.size(sha);
            tickets.finish(ctx.principal(), new StorageNode.DirectUpload(sha, size, in.head()));
            return Json.object("sha256", sha, "size", size);
        });
        endpoint.handleDownload(DocumentsMessages.BLOB_FETCH, Access.TICKET, (ctx, body, out) -> {
            String sha = tickets.use(ctx.principal(), GET).substring(GET.length());
            // the client checks the SHA-256 of what it receives (VerifiedDownload) and a mismatch leaves its target as it
            // was: hashing the GiB here as well cost a third of a direct download's CPU
            try (InputStream in = blobs.openUnverified(sha)) {
                // whole chunks in an array of their own go out without a copy (StreamSender)
                byte[] chunk = new byte[org.syncline.protocol.ProtocolConstants.CHUNK_SIZE];
                int n;
                while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    out.write(chunk, 0, n);
                }
            }
            return Json.object("sha256", sha);
        });
    }

    /** Bytes held, walked each time (once a heartbeat), so it stays true after files are removed by hand. */
    long used() {
        long[] sum = {0};
        BlobFolder.list(dir, (sha, size) -> sum[0] += size);
        return sum[0];
    }

    /** A batch's blob sizes: 1 to 1,000 of them, each 0 or more. */
    private static List<Long> sizes(org.syncline.core.json.JsonObject body) {
        List<Long> sizes = new java.util.ArrayList<>();
        for (Object o : body.list("sizes")) {
            if (!(o instanceof Number n) || n.longValue() < 0) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "The field 'sizes' must be a list of byte counts, each 0 or more.");
            }
            sizes.add(n.longValue());
        }
        if (sizes.isEmpty() || sizes.size() > DocumentRegistry.BATCH_MAX) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A batch stores 1 to " + DocumentRegistry.BATCH_MAX + " blobs, not " + sizes.size() + ".");
        }
        return sizes;
    }

    private static String sha(String s) {
        if (!Sha256.isHex(s)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "A blob is named by its SHA-256 in lower-case hex.");
        }
        return s;
    }

    private static void requireRegistry(RequestContext ctx) {
        if (!Enrollment.isJoinedServer(ctx.principal())) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only the registry this storage node joined may use its blobs.");
        }
    }
}
