package org.syncline.documents.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentEvent;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentShare;
import org.syncline.documents.DocumentsMessages;
import org.syncline.documents.VersionInfo;
import org.syncline.protocol.Access;
import org.syncline.protocol.AccessCheck;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.Grant;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.store.UserDirectory;

/**
 * The {@code docs.*} messages: each reads its body, lets the {@link DocumentRegistry} check the sender's right
 * on the document and do the work, and pushes the change to the subscribers who may read that document.
 */
final class DocumentHandlers {
    private final CapabilityEndpoint endpoint;
    private final DocumentRegistry registry;
    private final UserDirectory users;

    DocumentHandlers(CapabilityEndpoint endpoint, DocumentRegistry registry, UserDirectory users) {
        this.endpoint = endpoint;
        this.registry = registry;
        this.users = users;
    }

    void register() {
        endpoint.topic(DocumentsMessages.TOPIC, Access.USER);
        endpoint.handleUpload(DocumentsMessages.REGISTER, Access.USER, (ctx, body, data) -> published(DocumentEvent.Kind.ADDED,
                registry.register(ctx.principal(), body.string("name"), body.optString("author", null), body.optString("description", ""),
                        strings(body, "tags"), body.optString("node", null), data)));
        endpoint.handleUpload(DocumentsMessages.REGISTER_BATCH, Access.USER, (ctx, body, data) -> {
            DocumentRegistry.Batch batch = registry.registerBatch(ctx.principal(), batchFiles(body),
                    body.optString("node", null), data);
            // one push for the whole batch, to those who may read its documents (all have the same owner and no shares yet)
            endpoint.publish(DocumentsMessages.TOPIC, DocumentsMessages.EVENTS, Json.object("kind", DocumentEvent.Kind.ADDED.name(),
                    "documents", batch.documents()), p -> AccessCheck.allows(p, batch.grants(), Right.READ));
            return Json.object("documents", batch.documents());
        });
        endpoint.handleUpload(DocumentsMessages.UPDATE, Access.USER, (ctx, body, data) -> published(DocumentEvent.Kind.CHANGED,
                registry.update(ctx.principal(), body.string("id"), data)));
        endpoint.handle(DocumentsMessages.TRANSFER, Access.USER, (ctx, body) -> transfer(ctx.principal(), body));
        endpoint.handle(DocumentsMessages.REGISTER_DIRECT, Access.USER, (ctx, body) -> published(DocumentEvent.Kind.ADDED,
                registry.registerDirect(ctx.principal(), body.string("ticket"), body.string("name"), body.optString("author", null),
                        body.optString("description", ""), strings(body, "tags"))));
        endpoint.handle(DocumentsMessages.UPDATE_DIRECT, Access.USER, (ctx, body) -> published(DocumentEvent.Kind.CHANGED,
                registry.updateDirect(ctx.principal(), body.string("ticket"), body.string("id"))));
        endpoint.handle(DocumentsMessages.SEARCH, Access.USER, (ctx, body) -> Json.tree(registry.search(ctx.principal(),
                DocumentQuery.from(body))));
        endpoint.handle(DocumentsMessages.INFO, Access.USER, (ctx, body) -> Json.tree(registry.info(ctx.principal(), body.string("id"))));
        endpoint.handle(DocumentsMessages.VERSIONS, Access.USER, (ctx, body) -> Json.object("versions",
                registry.versions(ctx.principal(), body.string("id"))));
        endpoint.handleDownload(DocumentsMessages.GET, Access.USER, (ctx, body, out) -> {
            VersionInfo v = registry.version(ctx.principal(), body.string("id"), version(body));
            registry.read(body.string("id"), v, out);
            return Json.tree(v);
        });
        endpoint.handle(DocumentsMessages.EDIT, Access.USER, (ctx, body) -> published(DocumentEvent.Kind.CHANGED,
                registry.edit(ctx.principal(), body.string("id"), body.optString("name", null), body.optString("author", null),
                        body.optString("description", null), body.has("tags") ? strings(body, "tags") : null)));
        endpoint.handle(DocumentsMessages.SHARE_NAMES, Access.USER, (ctx, body) -> {
            registry.requireManage(ctx.principal(), body.string("id"));
            UserDirectory.NameMatches m = users.namesStartingWith(body.string("prefix"), DocumentsMessages.SHARE_NAMES_LIMIT);
            return Json.tree(new org.syncline.protocol.ShareNames(m.users(), m.groups()));
        });
        endpoint.handle(DocumentsMessages.SHARE, Access.USER, (ctx, body) -> {
            Grant grant = grant(body);
            boolean exists = grant.kind() == Grant.Kind.USER ? users.find(grant.subject()).isPresent()
                    : users.groups().contains(grant.subject());
            return published(DocumentEvent.Kind.CHANGED, registry.share(ctx.principal(), body.string("id"), grant, exists));
        });
        endpoint.handle(DocumentsMessages.NODE_ADOPT, Access.ADMIN, (ctx, body) -> published(DocumentEvent.Kind.ADDED,
                registry.adopt(ctx.principal(), body.string("node"), body.string("sha256"), body.string("name"))));
        endpoint.handle(DocumentsMessages.DELETE, Access.USER, (ctx, body) -> {
            published(DocumentEvent.Kind.DELETED, registry.delete(ctx.principal(), body.string("id")));
            return Json.object("id", body.string("id"));
        });
    }

    /** A direct route to the storage node for one transfer, when the content lives on a node that joined the registry. */
    private Map<String, Object> transfer(Principal p, JsonObject body) {
        Map<String, Object> answer = Json.object();
        RemoteNode.Direct direct = switch (body.string("purpose")) {
            case "put" -> registry.uploadTicket(p, null, body.string("name"), body.optString("node", null));
            case "update" -> registry.uploadTicket(p, body.string("id"), null, null);
            case "get" -> {
                VersionInfo v = registry.version(p, body.string("id"), version(body));
                answer.put("version", Json.tree(v));
                yield registry.downloadTicket(body.string("id"), v);
            }
            default -> throw new SynclineException(ErrorCode.BAD_REQUEST, "A transfer is a 'put', an 'update' or a 'get'.");
        };
        if (direct != null) {
            answer.put("direct", direct.toBody());
        }
        return answer;
    }

    /** Pushes the change to subscribers who may read the document (as it was, for a deletion); answers with it. */
    private Map<String, Object> published(DocumentEvent.Kind kind, DocumentRegistry.Change change) {
        endpoint.publish(DocumentsMessages.TOPIC, DocumentsMessages.EVENT, Json.tree(new DocumentEvent(kind, change.document())),
                p -> AccessCheck.allows(p, change.grants(), Right.READ));
        return Json.tree(change.document());
    }

    private static int version(JsonObject body) {
        long v = body.optNumber("version", 0);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A version is a number from 1 (0 means the newest), not " + v + ".");
        }
        return (int) v;
    }

    private static Grant grant(JsonObject body) {
        String kind = body.string("kind");
        Right right = Right.parse(body.string("right"));
        return switch (kind) {
            case DocumentShare.USER -> Grant.user(body.string("subject"), right);
            case DocumentShare.GROUP -> Grant.group(body.string("subject"), right);
            default -> throw new SynclineException(ErrorCode.BAD_REQUEST, "A share is for a 'user' or a 'group'.");
        };
    }

    /** The batch's files as sent: name and size required, author, description and tags optional (as for one registration). */
    @SuppressWarnings("unchecked")
    private static List<BatchFile> batchFiles(JsonObject body) {
        List<BatchFile> files = new ArrayList<>();
        for (Object o : body.list("files")) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "The field 'files' must be a list of objects (name, size, author, description, tags).");
            }
            JsonObject f = new JsonObject((Map<String, Object>) m);
            files.add(new BatchFile(f.string("name"), f.optString("author", null), f.optString("description", ""), strings(f, "tags"),
                    f.number("size")));
        }
        return files;
    }

    private static List<String> strings(JsonObject body, String key) {
        if (!body.has(key)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object o : body.list(key)) {
            if (!(o instanceof String s)) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + key + "' must be a list of strings.");
            }
            values.add(s);
        }
        return values;
    }
}
