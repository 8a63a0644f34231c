package org.syncline.documents.internal.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.documents.BatchFile;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentShare;
import org.syncline.documents.MimeTypes;
import org.syncline.documents.VersionInfo;
import org.syncline.protocol.AccessCheck;
import org.syncline.protocol.Grant;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;

/**
 * The registry's metadata in front of the storage nodes' blobs (the node built into this process, or nodes
 * that joined it). Bytes are stored on the chosen node and their SHA-256 confirmed before the metadata that
 * makes them visible is committed, in one transaction, so a document never points at bytes that are not there. Every call checks the principal's
 * right on the document: its owner may manage it, shares give read or write, admins may do anything.
 */
final class DocumentRegistry {
    static final String KIND = "document";
    /** Up to this many name matches, a search asks SQL for exactly those ids. */
    private static final int ID_LIST = 1000;
    private static final int BUFFER = 64 * 1024;
    /** How long a deletion's answer waits for its bytes to be deleted from the nodes (see {@link #awaitDeletions}). */
    private static final long DELETION_WAIT_SECONDS = 5;
    /** Content this large or larger is sent straight between client and a joined node; smaller content costs less through the registry. */
    static final long DIRECT_MIN = 1L << 20;

    private final RegistryDatabase db;
    private final StorageNodes nodes;
    /** Held while a blob becomes referenced or is deleted as unreferenced, so the two never cross. */
    private final BlobLocks blobLocks;
    private final NameIndex names;
    private final IssuedTickets issued = new IssuedTickets(java.time.Clock.systemUTC());

    DocumentRegistry(RegistryDatabase db, StorageNodes nodes, BlobLocks blobLocks, NameIndex names) {
        this.db = db;
        this.nodes = nodes;
        this.blobLocks = blobLocks;
        this.names = names;
    }

    /** A document and the access list its events are filtered with. */
    record Change(DocumentInfo document, List<Grant> grants) {
    }

    Change register(Principal p, String name, String author, String description, List<String> tags, String requestedNode,
            InputStream content) {
        String checkedName = DocumentFields.name(name);
        DocumentFields.author(author == null ? p.name() : author);
        DocumentFields.description(description);
        DocumentFields.tags(tags);
        StorageNode target = nodes.choose(requestedNode);
        return added(p, name, author, description, tags, target, store(target, content, checkedName));
    }

    /** The documents a batch added (in the order sent) and the access list of all of them (new documents: their owner's). */
    record Batch(List<DocumentInfo> documents, List<Grant> grants) {
    }

    /**
     * Registers many files sent in one stream, one after the other, each {@link BatchFile#size} bytes long. Every field is
     * checked before any byte is stored; each file's bytes are stored on the one node chosen and their SHA-256 confirmed by
     * it; then every row is committed in one transaction. The batch is visible whole or not at all: a bad file (a refused
     * field, content shorter than declared, bytes left over) names itself and refuses the batch, and the blobs it stored
     * that nothing refers to are removed again.
     */
    Batch registerBatch(Principal p, List<BatchFile> files, String requestedNode, InputStream content) {
        if (files.isEmpty() || files.size() > BATCH_MAX) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A batch registers 1 to " + BATCH_MAX + " files, not " + files.size()
                    + "; split it into several batches.");
        }
        List<BatchFile> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            BatchFile f = files.get(i);
            int n = i;
            checked.add(inBatch(n, f.name(), () -> {
                if (f.size() < 0) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Its size is " + f.size() + " bytes; a size is 0 or more.");
                }
                return new BatchFile(DocumentFields.name(f.name()), DocumentFields.author(f.author() == null ? p.name() : f.author()),
                        DocumentFields.description(f.description()), DocumentFields.tags(f.tags()), f.size());
            }));
        }
        StorageNode target = nodes.choose(requestedNode);
        long deletionsBefore = blobLocks.deletions();
        List<Long> sizes = checked.stream().map(BatchFile::size).toList();
        BatchContent source = new BatchContent(content, sizes);
        List<StorageNode.StoredBlob> blobs;
        try {
            // every file's bytes to the node in one stream, forced there together
            blobs = target.storeAll(sizes, source);
            source.finish();
        } catch (IOException | RuntimeException e) {
            int i = source.failedFile();
            if (i >= 0) {
                throw inBatch(i, checked.get(i).name(), source.ended()
                        ? new SynclineException(ErrorCode.BAD_REQUEST, "The stream ended after " + source.received() + " of its " + checked.get(i).size() + " bytes.")
                        : new SynclineException(ErrorCode.STORAGE, "Receiving its bytes failed (" + e.getMessage() + "); send the batch again."));
            }
            if (e instanceof SynclineException s) {
                throw s;
            }
            throw new SynclineException(ErrorCode.STORAGE, "Receiving the batch failed (" + e.getMessage() + "); nothing in it was registered, send it again.", e);
        }
        List<String> shas = blobs.stream().map(StorageNode.StoredBlob::sha256).toList();
        blobLocks.committing(target.name(), shas);
        try {
            List<Stored> stored = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                StorageNode.StoredBlob b = blobs.get(i);
                stored.add(new Stored(b.sha256(), b.size(), MimeTypes.detect(source.head(i), checked.get(i).name()), deletionsBefore));
            }
            try {
                for (int i = 0; i < checked.size(); i++) {
                    if (!source.sha256(i).equals(stored.get(i).sha256)) {
                        throw inBatch(i, checked.get(i).name(), new SynclineException(ErrorCode.INTEGRITY, "The storage node '" + target.name()
                                + "' confirmed SHA-256 " + stored.get(i).sha256 + " for content that hashes to " + source.sha256(i) + "."));
                    }
                }
                if (content.read() >= 0) {
                    throw new SynclineException(ErrorCode.BAD_REQUEST, "The batch's stream holds more bytes than its " + files.size()
                            + " files declare; nothing in the batch was registered.");
                }
            } catch (IOException e) {
                removeUnreferenced(target, stored);
                throw new SynclineException(ErrorCode.STORAGE, "Receiving the batch failed (" + e.getMessage() + "); nothing in it was registered, send it again.", e);
            } catch (RuntimeException e) {
                removeUnreferenced(target, stored);
                throw e;
            }
            Batch batch = committedBatch(p, target, checked, stored, deletionsBefore);
            for (DocumentInfo d : batch.documents()) {
                names.add(d.id(), d.name(), p.name());
            }
            return batch;
        } finally {
            blobLocks.committed(target.name(), shas);
        }
    }

    /** The most files one batch registers. */
    static final int BATCH_MAX = 1000;

    private Batch committedBatch(Principal p, StorageNode target, List<BatchFile> files, List<Stored> stored, long deletionsBefore) {
        java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
        stored.forEach(s -> sizes.put(s.sha256, s.size));
        String node = target.name();
        return blobLocks.forBlobs(node, sizes.keySet(), () -> {
            try {
                // as for one registration: ask the node whether the bytes are still there only when a deletion ran meanwhile
                if (target instanceof LocalNode || blobLocks.deletions() != deletionsBefore) {
                    for (int i = 0; i < files.size(); i++) {
                        if (!target.exists(stored.get(i).sha256)) {
                            throw inBatch(i, files.get(i).name(), new SynclineException(ErrorCode.STORAGE,
                                    "Its content was removed while it was being registered; send the batch again."));
                        }
                    }
                }
                return db.inTransaction(c -> {
                    NodeTable.unqueueDeletions(c, node, sizes.keySet());
                    InventoryTable.addAll(c, node, sizes);
                    Instant now = now();
                    List<DocumentRow> rows = new ArrayList<>();
                    java.util.Map<String, VersionInfo> versions = new java.util.LinkedHashMap<>();
                    java.util.Map<String, List<String>> tags = new java.util.LinkedHashMap<>();
                    List<DocumentInfo> added = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        BatchFile f = files.get(i);
                        Stored s = stored.get(i);
                        String id = UUID.randomUUID().toString();
                        DocumentRow row = new DocumentRow(id, f.name(), f.author(), s.mimeType, s.size, s.sha256, node, now, now, 1, f.description(),
                                p.name());
                        rows.add(row);
                        versions.put(id, new VersionInfo(1, s.sha256, s.size, s.mimeType, node, now, f.author()));
                        tags.put(id, f.tags());
                        added.add(info(row, f.tags().stream().sorted().toList(), List.of(), false));
                    }
                    DocumentTable.insertAll(c, rows);
                    VersionTable.insertAll(c, versions);
                    TagTable.addAll(c, tags);
                    return new Batch(added, List.of(Grant.user(p.name(), Right.MANAGE)));
                });
            } catch (RuntimeException e) {
                removeUnreferenced(target, stored);
                throw e;
            }
        });
    }

    /** Removes again the blobs a refused batch stored that no version refers to (the same bytes may belong to another document). */
    private void removeUnreferenced(StorageNode target, List<Stored> stored) {
        java.util.Set<String> shas = new java.util.TreeSet<>();
        stored.forEach(s -> shas.add(s.sha256));
        blobLocks.forBlobs(target.name(), shas, () -> {
            for (String sha : shas) {
                try {
                    if (!db.inTransaction(c -> VersionTable.isReferencedOn(c, sha, target.name()))) {
                        blobLocks.delete(target, sha);
                    }
                } catch (SynclineException gone) {
                    // the node's inventory reports it as an orphan when it returns
                }
            }
            return null;
        });
    }

    /** Runs a step for file {@code index} of a batch; a refusal names the file and says the batch was refused. */
    private static <T> T inBatch(int index, String name, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (SynclineException e) {
            throw inBatch(index, name, e);
        }
    }

    private static SynclineException inBatch(int index, String name, SynclineException e) {
        return new SynclineException(e.code(), "File " + (index + 1) + " of the batch ('" + Names.printable(String.valueOf(name)) + "'): "
                + e.getMessage() + (e.getMessage().endsWith(".") ? "" : ".") + " Nothing in the batch was registered.", e);
    }

    /**
     * Registers what the client sent straight to the node with an upload ticket this registry issued to it: the node's
     * own SHA-256 and size of the stored bytes are claimed from the node before the metadata is committed.
     */
    Change registerDirect(Principal p, String ticket, String name, String author, String description, List<String> tags) {
        IssuedTickets.Issued i = issued.take(ticket, p, null);
        StorageNode target = nodes.node(i.node());
        return added(p, name, author, description, tags, target, claimed(target, ticket, name, i.deletionsBefore()));
    }

    /** Commits a new document for bytes stored on {@code target}; fields are checked inside, so a refusal removes the bytes again. */
    private Change added(Principal p, String name, String author, String description, List<String> tags, StorageNode target, Stored s) {
        String node = target.name();
        Instant now = now();
        String id = UUID.randomUUID().toString();
        Change added = committed(target, s, c -> {
            String checkedAuthor = DocumentFields.author(author == null ? p.name() : author);
            DocumentRow row = new DocumentRow(id, DocumentFields.name(name), checkedAuthor, s.mimeType, s.size, s.sha256, node, now, now, 1,
                    DocumentFields.description(description), p.name());
            DocumentTable.insert(c, row);
            VersionTable.insert(c, id, new VersionInfo(1, s.sha256, s.size, s.mimeType, node, now, checkedAuthor));
            List<String> checkedTags = DocumentFields.tags(tags);
            TagTable.add(c, id, checkedTags);
            // a new document: its tags are these, it is shared with no one and its bytes were just confirmed, so
            // what a search would read back is known without reading it
            return new Change(info(row, checkedTags.stream().sorted().toList(), List.of(), false), List.of(Grant.user(p.name(), Right.MANAGE)));
        });
        names.add(id, added.document().name(), p.name());
        return added;
    }

    Change update(Principal p, String id, InputStream content) {
        DocumentRow before = readable(p, id, Right.WRITE);
        // the new version goes where the document is, unless that node is down
        StorageNode target = nodes.choose(nodes.isUp(before.node()) ? before.node() : null);
        return newVersion(p, id, target, store(target, content, before.name()));
    }

    /** As {@link #update}, for what the client sent straight to the node with an update ticket issued to it for this document. */
    Change updateDirect(Principal p, String ticket, String id) {
        IssuedTickets.Issued i = issued.take(ticket, p, id);
        StorageNode target = nodes.node(i.node());
        DocumentRow before = readable(p, id, Right.WRITE);
        return newVersion(p, id, target, claimed(target, ticket, before.name(), i.deletionsBefore()));
    }

    private Change newVersion(Principal p, String id, StorageNode target, Stored s) {
        String node = target.name();
        return committed(target, s, c -> {
            // read again inside the transaction: it may have changed or gone while the bytes came in
            DocumentRow current = require(p, c, id, Right.WRITE);
            Instant now = now();
            int version = current.version() + 1;
            VersionTable.insert(c, id, new VersionInfo(version, s.sha256, s.size, s.mimeType, node, now, p.name()));
            DocumentRow row = new DocumentRow(id, current.name(), current.author(), s.mimeType, s.size, s.sha256, node,
                    current.created(), now, version, current.description(), current.owner());
            DocumentTable.update(c, row);
            return change(c, row);
        });
    }

    /**
     * A ticket for the client to upload straight to the node the registry chose (a new document: {@code document} null,
     * the name checked now; a new version: the document's node, write right checked), or null when that node is the
     * registry's own: then the content comes through the registry.
     */
    RemoteNode.Direct uploadTicket(Principal p, String document, String name, String requestedNode) {
        StorageNode target;
        if (document == null) {
            DocumentFields.name(name);
            target = nodes.choose(requestedNode);
        } else {
            DocumentRow before = readable(p, document, Right.WRITE);
            target = nodes.choose(nodes.isUp(before.node()) ? before.node() : null);
        }
        if (!(target instanceof RemoteNode remote)) {
            return null;
        }
        long deletionsBefore = blobLocks.deletions();
        RemoteNode.Direct d = remote.ticket(null);
        issued.add(d.ticket(), p, target.name(), document, deletionsBefore);
        return d;
    }

    /** A ticket to download version {@code v} (read right checked by {@link #version}) straight from a joined node, or null for small content or the registry's own node. */
    RemoteNode.Direct downloadTicket(String id, VersionInfo v) {
        requirePresent(id, v);
        return v.size() >= DIRECT_MIN && nodes.node(v.node()) instanceof RemoteNode remote ? remote.ticket(v.sha256()) : null;
    }

    /**
     * A search. In name order by name only (or nothing), with the name index loaded: the page and the total come
     * from the index (the readable documents of a non-admin from the owners it keeps and the shares' subject index),
     * and only the page's rows from SQL. Otherwise, with a name part: a few matches (at most {@link #ID_LIST}) narrow
     * the SQL to their ids (the other filters, the rights and the order stay SQL's); anything else is SQL's alone.
     */
    DocumentPage search(Principal p, DocumentQuery q) {
        if (names.ready() && q.sort() == DocumentQuery.Sort.NAME && nameOnly(q)) {
            long offset = (long) (q.page() - 1) * q.pageSize();
            return db.inTransaction(c -> {
                NameIndex.Reader reader = p.isAdmin() ? NameIndex.Reader.ALL
                        : new NameIndex.Reader(p.name(), GrantTable.sharedWith(c, p.name(), p.groups()));
                NameIndex.Page found = names.page(q.name(), reader, q.descending(), (int) Math.min(offset, Integer.MAX_VALUE), q.pageSize());
                return page(c, DocumentTable.byIds(c, found.ids()), found.total(), q);
            });
        }
        if (q.name() != null && names.ready()) {
            int[] hits = names.matching(q.name());
            if (hits.length <= ID_LIST) {
                List<String> ids = names.ids(hits);
                return db.inTransaction(c -> page(c, DocumentTable.page(c, q, p, ids), DocumentTable.count(c, q, p, ids), q));
            }
        }
        return db.inTransaction(c -> page(c, DocumentTable.page(c, q, p), DocumentTable.count(c, q, p), q));
    }

    /** The page's documents with their tags, shares and missing marks read in one query each, not three per row. */
    private static DocumentPage page(Connection c, List<DocumentRow> rows, long total, DocumentQuery q) throws SQLException {
        List<String> ids = rows.stream().map(DocumentRow::id).toList();
        java.util.Map<String, List<String>> tags = TagTable.of(c, ids);
        java.util.Map<String, List<Grant>> grants = GrantTable.of(c, ids);
        java.util.Set<String> missing = VersionTable.missing(c, ids);
        List<DocumentInfo> docs = new ArrayList<>();
        for (DocumentRow d : rows) {
            docs.add(info(d, tags.getOrDefault(d.id(), List.of()), grants.getOrDefault(d.id(), List.of()),
                    missing.contains(d.id() + "/" + d.version())));
        }
        return new DocumentPage(docs, total, q.page(), q.pageSize());
    }

    private static boolean nameOnly(DocumentQuery q) {
        return q.author() == null && q.mimeType() == null && q.tag() == null && q.node() == null && q.modifiedAfter() == null
                && q.modifiedBefore() == null && q.minSize() == null && q.maxSize() == null;
    }

    DocumentInfo info(Principal p, String id) {
        return db.inTransaction(c -> info(c, require(p, c, id, Right.READ)));
    }

    List<VersionInfo> versions(Principal p, String id) {
        return db.inTransaction(c -> {
            require(p, c, id, Right.READ);
            return VersionTable.of(c, id);
        });
    }

    /** The version to send ({@code version} 0: the newest), after checking the read right. */
    VersionInfo version(Principal p, String id, int version) {
        return db.inTransaction(c -> {
            require(p, c, id, Right.READ);
            for (VersionInfo v : VersionTable.of(c, id)) {
                if (version == 0 || v.version() == version) {
                    return v;
                }
            }
            throw new SynclineException(ErrorCode.NOT_FOUND, "Document '" + id + "' has no version " + version
                    + "; 'docs versions " + id + "' lists the versions it has.");
        });
    }

    /** Streams the version's bytes from the node that holds them. */
    void read(String id, VersionInfo v, java.io.OutputStream out) {
        requirePresent(id, v);
        nodes.node(v.node()).read(v.sha256(), out);
    }

    private void requirePresent(String id, VersionInfo v) {
        if (db.inTransaction(c -> VersionTable.isMissing(c, id, v.version()))) {
            throw new SynclineException(ErrorCode.STORAGE, "The bytes of document '" + id + "' version " + v.version()
                    + " are missing from storage node '" + v.node() + "' (its inventory no longer has them); restore the file on the node"
                    + " and restart it, or delete the document.");
        }
    }

    /** Changes whichever of name, author, description and tags are not null. Needs write. */
    Change edit(Principal p, String id, String name, String author, String description, List<String> tags) {
        String checkedName = name == null ? null : DocumentFields.name(name);
        String checkedAuthor = author == null ? null : DocumentFields.author(author);
        String checkedDescription = description == null ? null : DocumentFields.description(description);
        List<String> checkedTags = tags == null ? null : DocumentFields.tags(tags);
        Change edited = db.inTransaction(c -> {
            DocumentRow d = require(p, c, id, Right.WRITE);
            DocumentRow row = new DocumentRow(id, or(checkedName, d.name()), or(checkedAuthor, d.author()), d.mimeType(), d.size(),
                    d.sha256(), d.node(), d.created(), now(), d.version(), or(checkedDescription, d.description()), d.owner());
            DocumentTable.update(c, row);
            if (checkedTags != null) {
                TagTable.replace(c, id, checkedTags);
            }
            return change(c, row);
        });
        names.rename(id, edited.document().name());
        return edited;
    }

    /** Grants read or write to a user or group that exists. Needs manage. */
    /** Refuses, as {@link #share} would, a principal who may not share the document. */
    void requireManage(Principal p, String id) {
        db.inTransaction(c -> require(p, c, id, Right.MANAGE));
    }

    Change share(Principal p, String id, Grant grant, boolean subjectExists) {
        if (grant.right() == Right.MANAGE) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A document can be shared for 'read' or 'write'; 'manage' stays with its owner.");
        }
        if (!subjectExists) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no " + grant.kind().name().toLowerCase(Locale.ROOT) + " '"
                    + Names.printable(grant.subject()) + "'; check the name with 'user list' or 'group list'.");
        }
        return db.inTransaction(c -> {
            DocumentRow d = require(p, c, id, Right.MANAGE);
            GrantTable.put(c, id, grant);
            return change(c, d);
        });
    }

    private record Deletion(Change last, java.util.Set<String> nodes) {
    }

    /**
     * Document deletions commit one at a time (each takes milliseconds). Derby recompiles a statement whose plan it finds
     * stale (here every 10 executions, see DerbyEngine), and compiling this DELETE, whose rows cascade to versions, tags
     * and grants, locks those tables while the other deletions wait for the same plan: two at once then waited for
     * each other unseen by Derby's deadlock check until its 60 s lock timeout ('docs.rm' unanswered, a CI flake;
     * reproduced by DocumentDeletionsTest, never with one deleter).
     */
    private final java.util.concurrent.locks.ReentrantLock deleting = new java.util.concurrent.locks.ReentrantLock();

    /**
     * Deletes the document and every version at once, and queues each blob no other version on its node
     * refers to, in the same transaction; the queue runs now for nodes that are up and when a node returns
     * for the others. Users never see a half state: the document is gone the moment this commits. Needs manage.
     */
    Change delete(Principal p, String id) {
        deleting.lock();
        Deletion d;
        try {
            d = deleteRows(p, id);
        } finally {
            deleting.unlock();
        }
        names.remove(id);
        awaitDeletions(d.nodes());
        return d.last();
    }

    private Deletion deleteRows(Principal p, String id) {
        return db.inTransaction(c -> {
            Change last = change(c, require(p, c, id, Right.MANAGE));
            List<VersionInfo> versions = VersionTable.of(c, id);
            DocumentTable.delete(c, id);
            java.util.Set<String> touched = new java.util.TreeSet<>();
            Instant now = now();
            for (VersionInfo v : versions) {
                if (!VersionTable.isReferencedOn(c, v.sha256(), v.node())) {
                    NodeTable.queueDeletion(c, v.node(), v.sha256(), now);
                    touched.add(v.node());
                }
            }
            return new Deletion(last, touched);
        });
    }

    /**
     * Waits, at most {@link #DELETION_WAIT_SECONDS}, for the runs that delete the bytes just queued on up nodes: a user who
     * deleted a document finds its bytes gone from a live node when the answer comes. A node slower than that (dying, or
     * starved) finishes later; the document was gone for users from the commit on either way.
     */
    private void awaitDeletions(java.util.Set<String> nodeNames) {
        java.util.concurrent.CompletableFuture<?>[] runs = nodeNames.stream().map(nodes::deleteQueued)
                .toArray(java.util.concurrent.CompletableFuture[]::new);
        try {
            java.util.concurrent.CompletableFuture.allOf(runs).get(DELETION_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // the runs go on by themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The grants that decide who may read the document: its owner's implicit manage, then its shares. */
    static List<Grant> grants(Connection c, DocumentRow d) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        grants.add(Grant.user(d.owner(), Right.MANAGE));
        grants.addAll(GrantTable.of(c, d.id()));
        return grants;
    }

    private DocumentRow readable(Principal p, String id, Right needed) {
        return db.inTransaction(c -> require(p, c, id, needed));
    }

    private static DocumentRow require(Principal p, Connection c, String id, Right needed) throws SQLException {
        DocumentRow d = DocumentTable.find(c, id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no document '"
                + Names.printable(id) + "'; 'docs find' lists the documents you may read."));
        AccessCheck.require(p, KIND, id, grants(c, d), needed);
        return d;
    }

    private Change change(Connection c, DocumentRow row) throws SQLException {
        return new Change(info(c, row), grants(c, row));
    }

    private static DocumentInfo info(Connection c, DocumentRow d) throws SQLException {
        return info(d, TagTable.of(c, d.id()), GrantTable.of(c, d.id()), VersionTable.isMissing(c, d.id(), d.version()));
    }

    private static DocumentInfo info(DocumentRow d, List<String> tags, List<Grant> grants, boolean missing) {
        List<DocumentShare> shares = grants.stream()
                .map(g -> new DocumentShare(g.kind().name().toLowerCase(Locale.ROOT), g.subject(), g.right().word())).toList();
        return new DocumentInfo(d.id(), d.name(), d.author(), d.mimeType(), d.size(), d.sha256(), d.node(), d.created(), d.modified(),
                d.version(), d.description(), tags, d.owner(), shares, missing ? DocumentInfo.MISSING : DocumentInfo.OK);
    }

    /** @param deletionsBefore {@link BlobLocks#deletions} before the bytes went to the node */
    private record Stored(String sha256, long size, String mimeType, long deletionsBefore) {
    }

    /** Streams the content to the node (verified, atomic there); a stream cut short stores nothing. */
    private Stored store(StorageNode target, InputStream content, String name) {
        BufferedInputStream in = new BufferedInputStream(content, BUFFER);
        byte[] head;
        try {
            in.mark(MimeTypes.HEAD);
            head = in.readNBytes(MimeTypes.HEAD);
            in.reset();
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Receiving the content failed (" + e.getMessage() + "); nothing was stored, send it again.", e);
        }
        long deletionsBefore = blobLocks.deletions();
        StorageNode.StoredBlob blob = target.store(in);
        return new Stored(blob.sha256(), blob.size(), MimeTypes.detect(head, name), deletionsBefore);
    }

    /** What the node stored with an upload ticket, as it reports it (its SHA-256, size, first bytes for the type). */
    private static Stored claimed(StorageNode target, String ticket, String name, long deletionsBefore) {
        if (!(target instanceof RemoteNode remote)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "Content for the registry's own storage node is sent with 'docs.register'.");
        }
        StorageNode.DirectUpload c = remote.claim(ticket);
        return new Stored(c.sha256(), c.size(), MimeTypes.detect(c.head(), name), deletionsBefore);
    }

    /**
     * Commits the metadata that refers to a blob just stored. When the commit fails, a blob nothing refers
     * to is removed again, so a refused registration leaves no orphan.
     */
    private Change committed(StorageNode target, Stored stored, org.syncline.store.SqlWork<Change> work) {
        String sha = stored.sha256;
        blobLocks.committing(target.name(), List.of(sha));
        try {
            return commit(target, stored, work);
        } finally {
            blobLocks.committed(target.name(), List.of(sha));
        }
    }

    private Change commit(StorageNode target, Stored stored, org.syncline.store.SqlWork<Change> work) {
        String sha = stored.sha256;
        return blobLocks.forBlob(target.name(), sha, () -> {
            // a joined node's bytes can only go through a deletion of ours: ask it over the network only after one; the
            // built-in node's folder is shared with other capabilities, and asking it costs no round trip
            boolean ask = target instanceof LocalNode || blobLocks.deletions() != stored.deletionsBefore;
            if (ask && !target.exists(sha)) {
                throw new SynclineException(ErrorCode.STORAGE, "The content was removed while it was being registered; send it again.");
            }
            try {
                return db.inTransaction(c -> {
                    // the same bytes may be waiting for deletion from an earlier document: they are needed again
                    NodeTable.unqueueDeletion(c, target.name(), sha);
                    InventoryTable.add(c, target.name(), sha, stored.size);
                    return work.run(c);
                });
            } catch (RuntimeException e) {
                if (!db.inTransaction(c -> VersionTable.isReferencedOn(c, sha, target.name()))) {
                    try {
                        blobLocks.delete(target, sha);
                    } catch (SynclineException gone) {
                        e.addSuppressed(gone); // the node's inventory reports it as an orphan when it returns
                    }
                }
                throw e;
            }
        });
    }

    /**
     * Registers an orphan on a node (bytes the node holds that no document refers to) as a document owned by
     * the admin adopting it; its type is guessed from the name. Admins only (checked by the handler's access).
     */
    Change adopt(Principal p, String nodeName, String sha, String name) {
        String checkedName = DocumentFields.name(name);
        Change adopted = blobLocks.forBlob(nodeName, sha, () -> db.inTransaction(c -> {
            long size = nodes.orphan(c, nodeName, sha).size();
            Instant now = now();
            String mime = MimeTypes.detect(new byte[0], checkedName);
            String id = UUID.randomUUID().toString();
            DocumentRow row = new DocumentRow(id, checkedName, p.name(), mime, size, sha, nodeName, now, now, 1, "", p.name());
            DocumentTable.insert(c, row);
            VersionTable.insert(c, id, new VersionInfo(1, sha, size, mime, nodeName, now, p.name()));
            NodeTable.unqueueDeletion(c, nodeName, sha);
            OrphanTable.forget(c, nodeName, sha);
            return change(c, row);
        }));
        names.add(adopted.document().id(), checkedName, p.name());
        return adopted;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static Instant now() {
        // milliseconds: what every database we target keeps, so a value reads back as it was written
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
