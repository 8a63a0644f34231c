package org.syncline.documents.client;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentEvent;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentShare;
import org.syncline.documents.DocumentsMessages;
import org.syncline.documents.NodeFileList;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.VersionInfo;
import org.syncline.protocol.Connection;

/**
 * Documents over a {@link Connection}: the caller never names a storage node. Content is streamed both ways,
 * never held in memory. Every call is checked on the server against the caller's rights on the document.
 */
public final class DocumentsClient {
    /** Content this large or larger goes straight to a storage node that joined the registry, when it can be reached. */
    static final int DIRECT_MIN = 1 << 20;
    private final Connection connection;

    public DocumentsClient(Connection connection) {
        this.connection = connection;
    }

    /**
     * Registers {@code content} under {@code name}; the document exists once the server has stored the bytes
     * and checked their SHA-256. A stream that fails part-way registers nothing.
     *
     * @param author      who wrote it; null: the user registering it
     * @param description free text, may be empty
     */
    public DocumentInfo register(String name, String author, String description, List<String> tags, InputStream content) {
        return register(name, author, description, tags, null, content);
    }

    /** As {@link #register(String, String, String, List, InputStream)}, on the storage node named {@code node} (null: the registry chooses). */
    public DocumentInfo register(String name, String author, String description, List<String> tags, String node, InputStream content) {
        Map<String, Object> body = Json.object("name", name, "description", description == null ? "" : description, "tags", tags);
        if (author != null) {
            body.put("author", author);
        }
        if (node != null) {
            body.put("node", node);
        }
        Content all = peek(content);
        if (all.large()) {
            Map<String, Object> ask = Json.object("purpose", "put", "name", name);
            if (node != null) {
                ask.put("node", node);
            }
            DirectTransfer direct = DirectTransfer.from(connection.request(DocumentsMessages.TRANSFER, ask));
            if (direct != null && direct.upload(connection.settings(), all.stream())) {
                body.put("ticket", direct.ticket());
                return Json.read(connection.request(DocumentsMessages.REGISTER_DIRECT, body), DocumentInfo.class);
            }
        }
        return Json.read(connection.upload(DocumentsMessages.REGISTER, body, all.stream()), DocumentInfo.class);
    }

    /**
     * Registers many files in one request: their bytes follow one another in {@code content}, each file's {@link BatchFile#size}
     * long. All become documents in one transaction, or none does (the error names the bad file). At most 1,000 files; for
     * files on disk see {@link #registerFiles}.
     *
     * @param node the storage node to keep them on; null: the registry chooses
     * @return the new documents, in the order of {@code files}
     */
    public List<DocumentInfo> registerBatch(List<BatchFile> files, String node, InputStream content) {
        Map<String, Object> body = Json.object("files", files);
        if (node != null) {
            body.put("node", node);
        }
        return connection.upload(DocumentsMessages.REGISTER_BATCH, body, content).list("documents", DocumentInfo.class);
    }

    /**
     * {@link #registerBatch} of files on disk, each under its file name: read one after the other as the stream goes out,
     * never whole. A file whose length changes while it is read fails the batch, which then registers nothing.
     */
    public List<DocumentInfo> registerFiles(List<java.nio.file.Path> files, String author, String description, List<String> tags, String node) {
        return registerFiles(files, author, description, tags, node, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #registerFiles(List, String, String, List, String)}, with the content read through {@code through} (to count progress). */
    public List<DocumentInfo> registerFiles(List<java.nio.file.Path> files, String author, String description, List<String> tags, String node,
            java.util.function.UnaryOperator<InputStream> through) {
        try (InputStream content = new FileBatch(files)) {
            return registerBatch(FileBatch.entries(files, author, description, tags), node, through.apply(content));
        } catch (java.io.IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Closing a file of the batch failed (" + e.getMessage() + ").", e);
        }
    }

    /** The whole content (what was read to find its size class, then the rest), and whether it has {@link #DIRECT_MIN} bytes or more. */
    private record Content(InputStream stream, boolean large) {
    }

    /**
     * Content of at least {@link #DIRECT_MIN} bytes goes straight to a storage node that joined the registry (one TLS
     * hop instead of two) when the registry gives a route; shorter content always goes through the registry.
     */
    private static Content peek(InputStream content) {
        byte[] head;
        try {
            head = content.readNBytes(DIRECT_MIN);
        } catch (java.io.IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Reading the content failed (" + e.getMessage() + "); nothing was sent.", e);
        }
        InputStream read = new java.io.ByteArrayInputStream(head);
        return head.length < DIRECT_MIN ? new Content(read, false) : new Content(new java.io.SequenceInputStream(read, content), true);
    }

    public DocumentPage search(DocumentQuery query) {
        return Json.read(connection.request(DocumentsMessages.SEARCH, query.toBody()), DocumentPage.class);
    }

    /**
     * Writes the bytes of {@code version} (0: the newest) to {@code sink}; returns what was sent, to check it. Check it: a
     * node sending straight to the client does not hash the bytes itself ({@link VerifiedDownload} checks them).
     */
    public VersionInfo get(String id, int version, OutputStream sink) {
        JsonObject route = connection.request(DocumentsMessages.TRANSFER, Json.object("purpose", "get", "id", id, "version", version));
        DirectTransfer direct = DirectTransfer.from(route);
        if (direct != null && direct.download(connection.settings(), sink)) {
            return Json.read(route.object("version"), VersionInfo.class);
        }
        return Json.read(connection.download(DocumentsMessages.GET, Json.object("id", id, "version", version), sink), VersionInfo.class);
    }

    /** Stores {@code content} as the next version; earlier versions stay downloadable. */
    public DocumentInfo update(String id, InputStream content) {
        Content all = peek(content);
        if (all.large()) {
            DirectTransfer direct = DirectTransfer.from(connection.request(DocumentsMessages.TRANSFER, Json.object("purpose", "update", "id", id)));
            if (direct != null && direct.upload(connection.settings(), all.stream())) {
                return Json.read(connection.request(DocumentsMessages.UPDATE_DIRECT, Json.object("id", id, "ticket", direct.ticket())),
                        DocumentInfo.class);
            }
        }
        return Json.read(connection.upload(DocumentsMessages.UPDATE, Json.object("id", id), all.stream()), DocumentInfo.class);
    }

    /** Newest first. */
    public List<VersionInfo> versions(String id) {
        return connection.request(DocumentsMessages.VERSIONS, Json.object("id", id)).list("versions", VersionInfo.class);
    }

    public DocumentInfo info(String id) {
        return Json.read(connection.request(DocumentsMessages.INFO, Json.object("id", id)), DocumentInfo.class);
    }

    public DocumentInfo rename(String id, String name) {
        return edit(id, Json.object("name", name));
    }

    /**
     * Changes metadata: {@code changes} holds any of name, author, description (strings) and tags (a list of
     * strings); fields not given stay as they are.
     */
    public DocumentInfo edit(String id, Map<String, Object> changes) {
        Map<String, Object> body = Json.object("id", id);
        body.putAll(changes);
        return Json.read(connection.request(DocumentsMessages.EDIT, body), DocumentInfo.class);
    }

    /** Grants a user or a group ({@link DocumentShare#USER}, {@link DocumentShare#GROUP}) "read" or "write". */
    /** The user and group names starting with {@code prefix} that the document's owner (or an admin) may share it with. */
    public org.syncline.protocol.ShareNames shareNames(String id, String prefix) {
        return Json.read(connection.request(DocumentsMessages.SHARE_NAMES, Json.object("id", id, "prefix", prefix)),
                org.syncline.protocol.ShareNames.class);
    }

    public DocumentInfo share(String id, String kind, String subject, String right) {
        return Json.read(connection.request(DocumentsMessages.SHARE,
                Json.object("id", id, "kind", kind, "subject", subject, "right", right)), DocumentInfo.class);
    }

    /** Deletes the document with every version. */
    public void delete(String id) {
        connection.request(DocumentsMessages.DELETE, Json.object("id", id));
    }

    /** The registry's storage nodes, by name. */
    public List<NodeInfo> nodes() {
        return connection.request(DocumentsMessages.NODES, Json.object()).list("nodes", NodeInfo.class);
    }

    /** Admin: the node's inventory as it last reported it (at most {@code limit} files, by SHA-256). */
    public NodeFileList nodeFiles(String node, int limit) {
        return Json.read(connection.request(DocumentsMessages.NODE_FILES, Json.object("node", node, "limit", limit)), NodeFileList.class);
    }

    /** Admin: the files on the node no document refers to. */
    public NodeFileList orphans(String node, int limit) {
        return Json.read(connection.request(DocumentsMessages.NODE_ORPHANS, Json.object("node", node, "limit", limit)), NodeFileList.class);
    }

    /** Admin: registers an orphan as a document owned by the caller. */
    public DocumentInfo adopt(String node, String sha256, String name) {
        return Json.read(connection.request(DocumentsMessages.NODE_ADOPT, Json.object("node", node, "sha256", sha256, "name", name)),
                DocumentInfo.class);
    }

    /** Admin: deletes an orphan from the node. */
    public void purge(String node, String sha256) {
        connection.request(DocumentsMessages.NODE_PURGE, Json.object("node", node, "sha256", sha256));
    }

    /**
     * Calls {@code listener} when a storage node comes up or goes down, and subscribes to the documents topic
     * (again after reconnects). Runs on the connection's push thread.
     */
    public void watchNodes(Consumer<NodeInfo> listener) {
        connection.onPush(DocumentsMessages.NODE_EVENT, body -> listener.accept(Json.read(body, NodeInfo.class)));
        connection.subscribe(DocumentsMessages.TOPIC);
    }

    /**
     * Calls {@code listener} for every document the user may read that is added, changed or deleted, and
     * subscribes (again after reconnects). Listeners run on the connection's push thread, one at a time.
     */
    public void watch(Consumer<DocumentEvent> listener) {
        connection.onPush(DocumentsMessages.EVENT, body -> listener.accept(Json.read(body, DocumentEvent.class)));
        connection.onPush(DocumentsMessages.EVENTS, body -> {
            DocumentEvent.Kind kind = DocumentEvent.Kind.valueOf(body.string("kind"));
            body.list("documents", DocumentInfo.class).forEach(d -> listener.accept(new DocumentEvent(kind, d)));
        });
        connection.subscribe(DocumentsMessages.TOPIC);
    }
}
