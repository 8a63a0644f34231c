package org.syncline.documents;

/**
 * The message catalogue of documents. Every name is {@code docs.<verb>}. Any logged-in user may send them;
 * the server checks the sender's right on each document (owner: manage; shares: read or write; admins: all).
 */
public final class DocumentsMessages {
    public static final String CAPABILITY = "docs";
    /** Upload. Body: name, author, description, tags, node (optional: the registry chooses); the bytes follow. Answer: a {@link DocumentInfo}. */
    public static final String REGISTER = "docs.register";
    /**
     * Upload of many files at once. Body: files (a list of {@link BatchFile}: name, size, author, description, tags), node
     * (optional); the files' bytes follow, one after the other in that order. Answer: documents, a list of
     * {@link DocumentInfo} in the same order. All are registered in one transaction or none is: a bad file is named in the
     * error and leaves nothing behind. At most 1,000 files.
     */
    public static final String REGISTER_BATCH = "docs.register.batch";
    /**
     * Asks for a direct transfer with a storage node. Body: purpose ("put": optional node; "update": id; "get": id,
     * version). Answer: for get, version (a {@link VersionInfo}); and, when the content lives on a node that joined
     * the registry, direct: host, port, fingerprint (the node's certificate), ticket and secret, for one login to
     * the node (see {@link org.syncline.protocol.TicketCheck}). Without direct, use {@link #REGISTER}, {@link #UPDATE}
     * or {@link #GET}. Needs the right the transfer needs (get: read; update: write).
     */
    public static final String TRANSFER = "docs.transfer";
    /** After {@link #BLOB_SEND} with a put ticket: body ticket, name, author, description, tags. Answer: a {@link DocumentInfo}. */
    public static final String REGISTER_DIRECT = "docs.register.direct";
    /** After {@link #BLOB_SEND} with an update ticket: body ticket, id. Answer: the {@link DocumentInfo}. Needs write. */
    public static final String UPDATE_DIRECT = "docs.update.direct";
    /** Body: a {@link DocumentQuery}. Answer: a {@link DocumentPage} of the documents the sender may read. */
    public static final String SEARCH = "docs.search";
    /** Download. Body: id, version (0: the newest). The bytes, then a {@link VersionInfo}. Needs read. */
    public static final String GET = "docs.get";
    /** Upload of a new version. Body: id, author; the bytes follow. Answer: the {@link DocumentInfo}. Needs write. */
    public static final String UPDATE = "docs.update";
    /** Body: id. Answer: versions, a list of {@link VersionInfo}, newest first. Needs read. */
    public static final String VERSIONS = "docs.versions";
    /** Body: id. Answer: the {@link DocumentInfo}. Needs read. */
    public static final String INFO = "docs.info";
    /** Body: id and any of name, author, description, tags. Answer: the {@link DocumentInfo}. Needs write. */
    public static final String EDIT = "docs.edit";
    /** Body: id, kind (user or group), subject, right (read or write). Answer: the {@link DocumentInfo}. Needs manage. */
    public static final String SHARE = "docs.share";
    /**
     * Body: id, prefix. Answer: users and groups, the names (at most {@value #SHARE_NAMES_LIMIT} of each, enabled users
     * only) that start with the prefix: what the share dialog suggests. Needs manage, the right to share.
     */
    public static final String SHARE_NAMES = "docs.share.names";
    public static final int SHARE_NAMES_LIMIT = 20;
    /** Body: id. Removes the document, every version and its bytes. Needs manage. */
    public static final String DELETE = "docs.rm";
    /** Subscribers get {@link #EVENT} for every document they may read that is added, changed or deleted. */
    public static final String TOPIC = "docs.events";
    /** Body: a {@link DocumentEvent}. */
    public static final String EVENT = "docs.event";
    /** One push for every document a batch added: body kind (as in {@link DocumentEvent}) and documents, a list of {@link DocumentInfo}. */
    public static final String EVENTS = "docs.events.batch";

    /** Body: empty. Answer: nodes, a list of {@link NodeInfo} (the storage nodes of this registry). */
    public static final String NODES = "docs.nodes";
    /** Pushed on {@link #TOPIC} when a node comes up, goes down or is first seen. Body: a {@link NodeInfo}. */
    public static final String NODE_EVENT = "docs.node.event";

    /**
     * Between a registry and its storage nodes only (enrolled servers, never users): a node says hello when it
     * (re)connects and heartbeats; the registry stores, reads and deletes blobs on the node's own endpoint.
     */
    public static final String NODE_HELLO = "docs.node.hello";
    public static final String NODE_HEARTBEAT = "docs.node.heartbeat";
    public static final String BLOB_PUT = "docs.blob.put";
    /**
     * Registry to node, one upload for a registration batch: body sizes (a list, one a blob), the stream their bytes one after
     * the other. Stored whole or not at all, forced to disk together. Answer: blobs, a list of sha256 and size, in order.
     */
    public static final String BLOB_PUT_BATCH = "docs.blob.put.batch";
    public static final String BLOB_GET = "docs.blob.get";
    public static final String BLOB_HAS = "docs.blob.has";
    public static final String BLOB_DELETE = "docs.blob.delete";
    /** Registry to node: body purpose ("put", or "get" with sha256). Answer: ticket (its id) and secret, for one client login. */
    public static final String BLOB_TICKET = "docs.blob.ticket";
    /** Registry to node: body ticket. Answer: sha256, size and head (base64 of the first bytes) of the upload made with it. */
    public static final String BLOB_CLAIM = "docs.blob.claim";
    /** Upload by a client logged in to the node with a put ticket. Answer: sha256 and size as stored. */
    public static final String BLOB_SEND = "docs.blob.send";
    /** Download by a client logged in to the node with a get ticket: the blob the ticket names. */
    public static final String BLOB_FETCH = "docs.blob.fetch";
    /** Download: the node's inventory, one line {@code <sha256> <size>} per blob. */
    public static final String BLOB_LIST = "docs.blob.list";

    /** Admin. Body: node, limit. Answer: files, a list of {@link NodeFile} (the node's inventory as last reported), and total. */
    public static final String NODE_FILES = "docs.node.files";
    /** Admin. Body: node, limit. Answer: files, the {@link NodeFile}s no document refers to, and total. */
    public static final String NODE_ORPHANS = "docs.node.orphans";
    /** Admin. Body: node, sha256, name. Registers the orphan as a document owned by the admin. Answer: the {@link DocumentInfo}. */
    public static final String NODE_ADOPT = "docs.node.adopt";
    /** Admin. Body: node, sha256. Deletes the orphan from the node. */
    public static final String NODE_PURGE = "docs.node.purge";

    private DocumentsMessages() {
    }
}
