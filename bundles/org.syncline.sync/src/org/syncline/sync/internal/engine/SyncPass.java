package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.syncline.core.ErrorCode;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;
import org.syncline.core.filename.ConflictName;
import org.syncline.core.ignore.IgnoreRules;
import org.syncline.sync.ChangePage;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.CommitResult;
import org.syncline.sync.EntryPath;
import org.syncline.sync.ChunkList;
import org.syncline.sync.FileChange;
import org.syncline.sync.HeadDigest;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.SyncMessages;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.engine.LocalIndex.Entry;

/**
 * One sync of a pair: first catch up with what the hub committed since the cursor (pull), then send what
 * changed here since the index (push). A local file that changed since the last sync is never overwritten:
 * it moves aside to a conflict copy, which the push then uploads. Only chunks the hub lacks are sent.
 */
final class SyncPass {
    /** Files up to this size travel many to a request ({@link ChunkPack}); larger ones chunk by chunk. */
    static final long SMALL_FILE = 1024 * 1024;
    private static final int SMALL_FILE_WRITERS = 8;

    private final SyncClient client;
    private final String folder;
    private final Path root;
    private final String user;
    private final LocalIndex index;
    private final ExecutorService pool;
    private final Throttle up;
    private final SyncStats stats;
    private final SyncEngine.Reporter report;
    private final FileDownload download;
    private final DeltaUpload delta;
    private final DeltaDownload deltaDown;
    private final Placement.Disk disk = Placement.DISK;
    private IgnoreRules rules;
    private boolean reconcile;
    /** The paths the watcher saw change, or null: the pass walks the whole folder. */
    private Set<String> scope;

    SyncPass(SyncClient client, String folder, Path root, String user, LocalIndex index, ExecutorService pool, Throttle up, Throttle down,
            SyncStats stats, SyncEngine.Reporter report) {
        this.client = client;
        this.folder = folder;
        this.root = root;
        this.user = user;
        this.index = index;
        this.pool = pool;
        this.up = up;
        this.stats = stats;
        this.report = report;
        this.download = new FileDownload(client, folder, root, down, stats);
        this.delta = new DeltaUpload(client, folder, root, up);
        this.deltaDown = new DeltaDownload(client, folder, root, down);
    }

    /**
     * Makes this pass compare the hub's whole head with the index instead of reading only the changes after the
     * cursor: a change the cursor passed without reaching this machine is fetched (and said) like any other.
     */
    SyncPass reconciling() {
        reconcile = true;
        return this;
    }

    /** Makes this pass look only at these paths on disk (each with everything below it), not walk the whole folder. */
    SyncPass scanning(Set<String> paths) {
        scope = paths;
        return this;
    }

    /** Returns how many files it changed here or on the hub. */
    int run() throws IOException, InterruptedException {
        rules = LocalScan.rules(root);
        if (reconcile) { // the first pass after a start, a failed pass, or a few rescans; passes run one at a time, so no transfer is in flight
            int removed = LeftoverParts.remove(root);
            if (removed > 0) {
                report.line("removed " + removed + " unfinished transfer file(s) of an earlier run in " + root);
            }
        }
        String right = client.right(folder);
        int actions = pull();
        LocalScan.Result scan = scope == null || reconcile ? LocalScan.scan(root, rules) : LocalScan.scan(root, rules, scope);
        scan.symlinks().forEach(s -> report.once("symlink:" + s, "symlink not followed: " + s + " (links are not synced)"));
        scan.nameProblems().forEach(p -> report.once("name:" + p, "name warning: " + p));
        return actions + push(scan, !"read".equals(right));
    }

    private int pull() throws IOException, InterruptedException {
        // A batch of small files is written, forced and renamed side by side: forces together share the file system's journal commits.
        try (ExecutorService writers = Executors.newFixedThreadPool(SMALL_FILE_WRITERS)) {
            int actions = pull(writers, false);
            if (!reconcile) {
                return actions;
            }
            // the cheap form first: the hub's fingerprint of its head at our cursor against the index's; the whole
            // list (~200 pages for 100,000 files) is read only when they differ
            HeadDigest hub = client.headDigest(folder, index.cursor());
            if (hub.sameEntries(indexDigest(hub.cursor()))) {
                return actions;
            }
            return actions + pull(writers, true);
        }
    }

    /** The index's entries added up the way the hub adds up its head ({@link HeadDigest}). */
    private HeadDigest indexDigest(long cursor) {
        HeadDigest.Sum sum = new HeadDigest.Sum();
        for (Entry e : index.entries()) {
            sum.add(e.path(), e.revision());
        }
        return sum.at(cursor);
    }

    /** Follows the hub's changes from the cursor, or with {@code whole} its whole head, reporting what the cursor missed. */
    private int pull(ExecutorService writers, boolean whole) throws IOException, InterruptedException {
        int actions = 0;
        long known = index.cursor();
        long cursor = whole ? 0 : known;
        while (true) {
            ChangePage page = client.changesSince(folder, cursor);
            if (whole) {
                page.files().stream().filter(r -> r.seq() <= known).forEach(this::reportMissed);
            }
            // where local copies of the page's chunks are (a chunk copied from a file that changed since is checked by
            // its hash and fetched instead)
            Map<String, LocalIndex.ChunkSource> from = chunkSources(page.files());
            // contents first, deletions after: a file renamed on the hub is copied from its old place, not downloaded;
            // small files come many to a request
            List<Callable<Integer>> tasks = new ArrayList<>();
            List<RemoteFile> small = new ArrayList<>();
            for (RemoteFile r : page.files()) {
                if (!r.deleted() && r.size() <= SMALL_FILE) {
                    small.add(r);
                } else if (!r.deleted()) {
                    tasks.add(() -> apply(r, from, Map.of()));
                }
            }
            for (List<RemoteFile> batch : batches(small, RemoteFile::size, r -> r.chunks().size())) {
                tasks.add(() -> {
                    Map<String, byte[]> fetched = download.prefetch(batch.stream().filter(this::wanted).toList(), from);
                    // the batch's temps written side by side, then forced together and renamed (Placement)
                    List<Staged> staged = java.util.Collections.synchronizedList(new ArrayList<>());
                    List<Callable<Integer>> writes = new ArrayList<>();
                    for (RemoteFile r : batch) {
                        writes.add(() -> stage(r, from, fetched, staged));
                    }
                    int done;
                    try {
                        done = all(writes, writers);
                    } catch (IOException | RuntimeException e) {
                        for (Staged s : staged) {
                            Files.deleteIfExists(s.temp());
                        }
                        throw e;
                    }
                    return done + place(staged, writers);
                });
            }
            actions += all(tasks);
            List<Callable<Integer>> deletions = new ArrayList<>();
            for (RemoteFile r : page.files()) {
                if (r.deleted()) {
                    deletions.add(() -> apply(r, from, Map.of()));
                }
            }
            actions += all(deletions);
            cursor = page.cursor();
            index.cursor(Math.max(known, cursor));
            if (!page.more()) {
                index.save();
                return actions;
            }
            index.saveEntries(); // what this page wrote here survives a crash with the cursor that brought it
        }
    }

    /** Where synced files whose disk state still matches the index hold chunks of the files to write here. */
    private Map<String, LocalIndex.ChunkSource> chunkSources(List<RemoteFile> files) {
        Set<String> needed = new java.util.HashSet<>();
        for (RemoteFile r : files) {
            if (!r.deleted() && !EntryPath.isDirectory(r.path()) && wanted(r)) {
                r.chunks().forEach(c -> needed.add(c.sha256()));
            }
        }
        return index.chunkSources(needed, path -> LocalScan.stat(root, path));
    }

    /** Says when the hub's head holds a change the cursor passed that this machine's index does not reflect. */
    private void reportMissed(RemoteFile r) {
        if (rules.isIgnored(EntryPath.isDirectory(r.path()) ? r.path().substring(0, r.path().length() - 1) : r.path(), EntryPath.isDirectory(r.path()))) {
            return;
        }
        Entry idx = index.get(r.path());
        if (r.deleted() ? idx != null : idx == null || idx.revision() != r.revision()) {
            report.line("reconcile " + folder + ": " + r.path() + " is " + (r.deleted() ? "deleted" : "at revision " + r.revision())
                    + " on the hub, " + (idx == null ? "not known" : "at revision " + idx.revision()) + " here; a missed change, applied now");
        }
    }

    /** Whether the file's content must come here (a cheap test before fetching its chunks ahead). */
    private boolean wanted(RemoteFile r) {
        Entry idx = index.get(r.path());
        return !rules.isIgnored(r.path(), false) && (idx == null || idx.revision() != r.revision() || !r.sha256().equals(idx.sha256()));
    }

    /** Applies one change of the hub here: a deletion, a directory, or a file's content put in place on its own. */
    private int apply(RemoteFile r, Map<String, LocalIndex.ChunkSource> sources, Map<String, byte[]> fetched) throws IOException,
            InterruptedException {
        List<Staged> staged = new ArrayList<>(1);
        return stage(r, sources, fetched, staged) + place(staged, null); // in this thread: apply runs on the pool already
    }

    /** A file's new content in a temp file beside its target (not yet forced), and what its index entry will say. */
    private record Staged(RemoteFile r, RemoteFile full, Path target, Path temp, Entry idx, DeltaDownload.Received byDelta) {
    }

    /**
     * Does what {@code r} asks here except putting new content in place: that is written to a temp file added to
     * {@code staged} for {@link #place}. Returns how many files it changed here itself.
     */
    private int stage(RemoteFile r, Map<String, LocalIndex.ChunkSource> sources, Map<String, byte[]> fetched, List<Staged> staged)
            throws IOException, InterruptedException {
        String path = r.path();
        if (EntryPath.isDirectory(path)) {
            return applyDirectory(r);
        }
        if (rules.isIgnored(path, false)) {
            return 0;
        }
        Path target;
        try {
            target = RelativePath.parse(path).resolveIn(root);
        } catch (SynclineException e) {
            report.once("path:" + path, "not written: " + e.getMessage());
            return 0;
        }
        Entry idx = index.get(path);
        LocalFile local = LocalScan.stat(root, path);
        if (r.deleted()) {
            if (local != null && idx != null && idx.matches(local) && deleteUnchanged(path, target, idx)) {
                removeEmptyParents(target.getParent());
                index.remove(path);
                stats.deletesApplied.incrementAndGet();
                report.line("delete " + path + " (deleted by " + r.author() + ")");
                return 1;
            }
            index.remove(path);
            if (local != null) {
                report.line("kept " + path + ": it changed here after " + r.author() + " deleted it; it is uploaded again");
            }
            return 0;
        }
        if (idx != null && idx.revision() == r.revision() && r.sha256().equals(idx.sha256())) {
            return 0; // this revision is what we synced (often our own commit coming back); local edits since go up with it as base
        }
        if (local != null && (idx == null || !idx.matches(local))) {
            FileContent here = FileContent.of(target);
            LocalFile settled = LocalScan.stat(root, path);
            // the stat that goes in the index must be the one the hash was taken under: a write after it shows as a change
            if (here.sha256().equals(r.sha256()) && local.equals(settled)) {
                index.put(new Entry(path, settled.size(), settled.mtime(), r.sha256(), r.revision(), here.chunks()));
                return 0;
            }
            moveAside(path, target);
        }
        // the copy here still the last version synced: the new one comes as a delta against it, else by chunks
        DeltaDownload.Received byDelta = local != null && idx != null && idx.matches(local) && DeltaDownload.worthIt(r)
                ? deltaDown.fetch(r, target) : null;
        RemoteFile full = byDelta != null ? r.withChunks(byDelta.content().chunks())
                : r.chunksLeftOut() ? r.withChunks(client.fileChunks(folder, path, r.revision())) : r;
        Path tmp = byDelta != null ? byDelta.temp() : download.fetch(full, target, sources, fetched);
        staged.add(new Staged(r, full, target, tmp, idx, byDelta));
        return 0;
    }

    /**
     * Puts staged downloads in place (each temp forced, then renamed, then its directory forced) and records them; on
     * {@code on}, or in this thread when it is null.
     */
    private int place(List<Staged> staged, ExecutorService on) throws IOException, InterruptedException {
        return staged.isEmpty() ? 0 : Placement.place(disk, staged, Staged::temp, this::put, on);
    }

    private int put(Staged s, Placement placement) throws IOException {
        RemoteFile r = s.r();
        RemoteFile full = s.full();
        String path = r.path();
        Path target = s.target();
        Path tmp = s.temp();
        Entry idx = s.idx();
        DeltaDownload.Received byDelta = s.byDelta();
        // taken from the temp file before it is renamed (a rename keeps size and time): a program writing the
        // target right after the rename leaves a stat that differs from the index, so its change goes up
        LocalFile written = LocalScan.stat(tmp.getParent(), tmp.getFileName().toString());
        if (written == null) {
            throw new IOException("the download of " + path + " vanished before it was put in place; it is fetched again at the next sync");
        }
        written = new LocalFile(path, written.size(), written.mtime());
        LocalFile now = LocalScan.stat(root, path);
        if (now != null && (idx == null || !idx.matches(now))) {
            moveAside(path, target); // it changed while the download ran
            placement.moved(target);
        }
        placement.move(tmp, target);
        index.put(new Entry(path, written.size(), written.mtime(), r.sha256(), r.revision(), full.chunks()));
        stats.filesDownloaded.incrementAndGet();
        if (byDelta != null) {
            stats.deltaDownloads.incrementAndGet();
            stats.bytesDownloaded.addAndGet(byDelta.deltaBytes());
            stats.bytesUploaded.addAndGet(byDelta.signatureBytes());
        }
        report.line("download " + path + " (revision " + r.revision() + " by " + r.author() + ", " + r.size() + " bytes"
                + (byDelta == null ? "" : ", delta of " + byDelta.deltaBytes() + " bytes received for " + r.size() + " bytes") + ")");
        return 1;
    }

    /**
     * Deletes the file only if it is still what the index says after it was taken out of its place: a program that
     * wrote it between the check and the delete gets its file back (under a conflict name if the place is taken).
     */
    private boolean deleteUnchanged(String path, Path target, Entry idx) throws IOException {
        Path doomed = Files.createTempFile(target.getParent(), LeftoverParts.PREFIX, ".del");
        try {
            Files.move(target, doomed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.deleteIfExists(doomed);
            return true; // gone meanwhile: nothing to delete, the local delete agrees with the hub
        }
        LocalFile taken = LocalScan.stat(doomed.getParent(), doomed.getFileName().toString());
        if (taken != null && idx.matches(new LocalFile(path, taken.size(), taken.mtime()))) {
            Files.delete(doomed);
            return true;
        }
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            moveAside(path, doomed);
        } else {
            Files.move(doomed, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return false;
    }

    /** An empty directory made or removed on the hub: made here, or removed here when it is empty here too. */
    private int applyDirectory(RemoteFile r) throws IOException {
        String path = r.path();
        if (rules.isIgnored(path.substring(0, path.length() - 1), true)) {
            return 0;
        }
        Path dir;
        try {
            dir = EntryPath.resolveIn(path, root);
        } catch (SynclineException e) {
            report.once("path:" + path, "not written: " + e.getMessage());
            return 0;
        }
        Entry idx = index.get(path);
        if (r.deleted()) {
            index.remove(path);
            if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var inside = Files.list(dir)) {
                    if (inside.findAny().isPresent()) {
                        return 0; // something is in it here: it stays, and what is in it syncs
                    }
                }
                Files.delete(dir);
                removeEmptyParents(dir.getParent());
                stats.deletesApplied.incrementAndGet();
                report.line("delete " + path + " (deleted by " + r.author() + ")");
                return 1;
            }
            return 0;
        }
        if (idx != null && idx.revision() == r.revision()) {
            return 0;
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            report.once("dir:" + path, "not made: directory " + path + " of the hub, because a file of that name is here");
            return 0;
        }
        Files.createDirectories(dir);
        index.put(new Entry(path, 0, 0, r.sha256(), r.revision(), List.of()));
        report.line("mkdir " + path + " (by " + r.author() + ")");
        return 1;
    }

    /** Keeps a local version of {@code path} the hub has not seen (now at {@code target}) under a conflict name; the push uploads it. */
    private void moveAside(String path, Path target) throws IOException {
        Instant now = Instant.now();
        for (int attempt = 1;; attempt++) {
            String copy = ConflictName.ofPath(path, user, now, attempt);
            Path copyTarget = root.resolve(copy);
            if (!Files.exists(copyTarget) && index.get(copy) == null) {
                Files.move(target, copyTarget, StandardCopyOption.ATOMIC_MOVE);
                stats.conflicts.incrementAndGet();
                report.line("conflict " + path + ": changed here and on the hub; this machine's version is now '" + copy + "'");
                return;
            }
        }
    }

    record Pending(LocalFile file, FileContent content, Entry base) {
    }

    /** What a file's upload sent: new chunks and their bytes, or a delta's bytes. */
    record Sent(long chunks, long bytes, boolean delta) {
    }

    private int push(LocalScan.Result scan, boolean writable) throws IOException, InterruptedException {
        Map<String, Pending> changed = new LinkedHashMap<>();
        Map<String, LocalFile> present = new java.util.TreeMap<>(scan.files());
        scan.emptyDirs().forEach(d -> present.put(d, new LocalFile(d, 0, 0)));
        for (Entry e : index.entries()) {
            // a synced directory that got content here is still there: its entry goes only with the directory
            if (EntryPath.isDirectory(e.path()) && Files.isDirectory(EntryPath.resolveIn(e.path(), root), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                present.putIfAbsent(e.path(), new LocalFile(e.path(), 0, 0));
            }
        }
        for (LocalFile f : present.values()) {
            Entry idx = index.get(f.path());
            if (idx != null && idx.matches(f)) {
                continue;
            }
            if (EntryPath.isDirectory(f.path())) {
                changed.put(f.path(), new Pending(f, new FileContent(0, EntryPath.EMPTY_SHA256, List.of()), idx));
                continue;
            }
            if (report.stillHolds(tooLargeKey(f.path(), f))) {
                continue; // found too large to sync before and not changed since: not read again
            }
            FileContent content = FileContent.of(root.resolve(f.path()));
            if (!f.equals(LocalScan.stat(root, f.path()))) {
                continue; // still being written: the watcher calls again
            }
            if (idx != null && idx.sha256().equals(content.sha256())) {
                index.put(new Entry(idx.path(), f.size(), f.mtime(), idx.sha256(), idx.revision(), idx.chunks()));
                continue;
            }
            changed.put(f.path(), new Pending(f, content, idx));
        }
        List<Entry> gone = new ArrayList<>();
        for (Entry e : index.entries()) {
            // a directory's entry was looked at above; a file's only where the scan looked
            if (!present.containsKey(e.path()) && (EntryPath.isDirectory(e.path()) || scan.covers(e.path()))) {
                if (rules.isIgnored(e.path(), false)) {
                    index.remove(e.path()); // newly ignored: it stays on the hub and here, no longer synced
                } else {
                    gone.add(e);
                }
            }
        }
        List<FileChange> changes = changes(changed, gone);
        if (changes.isEmpty()) {
            index.save();
            return 0;
        }
        if (!writable) {
            for (FileChange c : changes) {
                Pending p = changed.get(c.newPath().isEmpty() ? c.path() : c.newPath());
                report.once("readonly:" + c.path() + ":" + (p == null ? "gone" : p.file().mtime()), "read-only: the local change to "
                        + (c.newPath().isEmpty() ? c.path() : c.newPath()) + " is not uploaded: you may only read folder '" + folder + "'");
            }
            index.save();
            return 0;
        }
        int actions = 0;
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        for (Pending p : List.copyOf(changed.values())) {
            if (p.base() != null && p.base().revision() > 0 && p.content().size() >= SyncMessages.DELTA_MIN_SIZE) {
                FileChange put = changes.stream().filter(c -> FileChange.PUT.equals(c.op()) && c.path().equals(p.file().path())).findFirst()
                        .orElseThrow();
                DeltaUpload.Sent d;
                try {
                    d = delta.send(p.file().path(), p.base().revision(), p.content());
                } catch (SynclineException e) {
                    if (e.code() != ErrorCode.NOT_FOUND) {
                        throw e;
                    }
                    continue; // the hub has no content at that revision any more: the file goes whole
                }
                stats.deltaFiles.incrementAndGet();
                stats.bytesUploaded.addAndGet(d.deltaBytes());
                stats.bytesDownloaded.addAndGet(d.signatureBytes());
                sent.put(p.file().path(), new Sent(0, d.deltaBytes(), true));
                recordCommitted(put, d.result().files().get(0), changed, sent);
                skipOwn(d.result());
                changes.remove(put);
                changed.remove(p.file().path());
                actions++;
                index.save();
            }
        }
        sendListsAhead(changes, changed);
        if (changes.isEmpty()) {
            index.save();
            return actions;
        }
        // batch by batch: a batch's chunks go up while the hub commits the batch before (each commit is still one
        // change set, whole or not at all, sent only after its own chunks are stored)
        try (ExecutorService committer = Executors.newSingleThreadExecutor()) {
            Future<CommitResult> running = null;
            List<FileChange> runningBatch = List.of();
            try {
                for (List<FileChange> batch : CommitBatches.of(changes, client.largestRequest())) {
                    sent.putAll(upload(contentOf(batch, changed)));
                    if (running != null) {
                        actions += recordCommitted(runningBatch, running, changed, sent);
                        running = null;
                    }
                    running = committer.submit(() -> client.commit(folder, batch));
                    runningBatch = batch;
                }
            } finally {
                if (running != null) {
                    // also when a later batch's upload failed: what the hub committed is recorded before the pass ends
                    actions += recordCommitted(runningBatch, running, changed, sent);
                }
            }
        }
        return actions;
    }

    /**
     * Sends ahead the chunk list of each change whose commit alone would be larger than the hub accepts (a file of more
     * than ~10 GiB against the default 16 MiB), and lets the change name it instead. One the hub cannot take that way
     * (a list over {@link ChunkList#MAX_BYTES}, ~57 GiB of content, or a hub that does not know lists sent ahead) is
     * left out and reported: sent, it would close the connection on every retry and hold back the folder's other
     * changes. It stays here, unsynced, and is looked at again when it changes.
     */
    private void sendListsAhead(List<FileChange> changes, Map<String, Pending> changed) {
        int largest = client.largestRequest();
        for (java.util.ListIterator<FileChange> it = changes.listIterator(); it.hasNext();) {
            FileChange c = it.next();
            if (CommitBatches.fits(c, largest)) {
                continue;
            }
            String at = c.newPath().isEmpty() ? c.path() : c.newPath();
            String why = "its " + c.chunks().size() + " chunks are more than the hub takes in a list (" + ChunkList.MAX_BYTES / ChunkList.ENTRY + ")";
            if ((long) c.chunks().size() * ChunkList.ENTRY <= ChunkList.MAX_BYTES) {
                try {
                    it.set(c.withChunkList(client.putChunkList(folder, c.chunks())));
                    continue;
                } catch (SynclineException e) {
                    if (e.code() != ErrorCode.BAD_REQUEST) {
                        throw e;
                    }
                    why = "the hub does not take chunk lists sent ahead (" + e.getMessage() + "); a newer hub syncs files up to about "
                            + org.syncline.core.ByteSizes.format(ChunkList.MAX_BYTES / ChunkList.ENTRY * (long) org.syncline.core.chunk.ChunkReader.AVG_SIZE);
                }
            }
            it.remove();
            Pending p = changed.remove(at);
            report.once(tooLargeKey(at, p == null ? null : p.file()), "too large to sync: " + at + " (" + org.syncline.core.ByteSizes.format(c.size()) + "): "
                    + why);
        }
    }

    private static String tooLargeKey(String path, LocalFile f) {
        return "toolarge:" + path + ":" + (f == null ? "" : f.size() + ":" + f.mtime());
    }

    /** The pending content of a batch's puts and renames, by the path it arrives at. */
    private static Map<String, Pending> contentOf(List<FileChange> batch, Map<String, Pending> changed) {
        Map<String, Pending> out = new LinkedHashMap<>();
        for (FileChange c : batch) {
            String at = FileChange.RENAME.equals(c.op()) ? c.newPath() : c.path();
            Pending p = FileChange.DELETE.equals(c.op()) ? null : changed.get(at);
            if (p != null) {
                out.put(at, p);
            }
        }
        return out;
    }

    /** Waits for a batch's commit and records what it did in the index. */
    private int recordCommitted(List<FileChange> batch, Future<CommitResult> commit, Map<String, Pending> changed, Map<String, Sent> sent)
            throws IOException, InterruptedException {
        CommitResult result;
        try {
            result = commit.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
        for (int i = 0; i < batch.size(); i++) {
            recordCommitted(batch.get(i), result.files().get(i), changed, sent);
        }
        skipOwn(result);
        index.save();
        return batch.size();
    }

    /**
     * Moves the cursor past this machine's own commit, once the index holds what it did, when the hub says nobody else
     * changed the folder between the cursor and it: the next pull then does not read back what was just sent (at
     * 100,000 files, minutes of pages). A conflict copy or a delete the hub skipped means a change made elsewhere that
     * this machine has not seen: the cursor stays, and the pull brings it.
     */
    private void skipOwn(CommitResult result) {
        long cursor = index.cursor();
        if (result.folderBefore() <= cursor && result.cursor() > cursor
                && result.files().stream().noneMatch(f -> f.conflict() || f.skipped())) {
            index.cursor(result.cursor());
        }
    }

    /** Puts, deletes, and renames where a vanished file's content reappears under a new path. */
    static List<FileChange> changes(Map<String, Pending> changed, List<Entry> gone) {
        List<FileChange> out = new ArrayList<>();
        Set<String> renamedTo = new java.util.HashSet<>();
        for (Entry g : gone) {
            Pending moved = EntryPath.isDirectory(g.path()) ? null : changed.values().stream()
                    .filter(p -> p.base() == null && !EntryPath.isDirectory(p.file().path()) && p.content().sha256().equals(g.sha256()) && !renamedTo.contains(p.file().path()))
                    .findFirst().orElse(null);
            if (moved != null) {
                renamedTo.add(moved.file().path());
                out.add(FileChange.rename(g.path(), g.revision(), moved.file().path(), moved.content().size(), moved.content().sha256(),
                        moved.content().chunks()));
            } else {
                out.add(FileChange.delete(g.path(), g.revision()));
            }
        }
        for (Pending p : changed.values()) {
            if (!renamedTo.contains(p.file().path())) {
                out.add(FileChange.put(p.file().path(), p.base() == null ? 0 : p.base().revision(), p.content().size(), p.content().sha256(),
                        p.content().chunks()));
            }
        }
        return out;
    }

    /** Sends the chunks the hub lacks, files side by side; returns per path {chunks, bytes} sent. */
    private Map<String, Sent> upload(Map<String, Pending> changed) throws IOException, InterruptedException {
        List<String> all = changed.values().stream().flatMap(p -> p.content().chunks().stream()).map(c -> c.sha256()).distinct().toList();
        Set<String> missing = ConcurrentHashMap.newKeySet();
        for (int from = 0; from < all.size(); from += 1000) {
            missing.addAll(client.missingChunks(folder, all.subList(from, Math.min(all.size(), from + 1000))));
        }
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        List<Callable<Integer>> tasks = new ArrayList<>();
        List<Pending> small = new ArrayList<>();
        for (Pending p : changed.values()) {
            if (p.content().chunks().stream().noneMatch(c -> missing.contains(c.sha256()))) {
                continue;
            }
            if (p.content().size() <= SMALL_FILE) {
                small.add(p);
                continue;
            }
            tasks.add(() -> {
                PackUpload packs = new PackUpload(client, folder, up, stats);
                try {
                    // the scan's chunks, not a second cut and hash: the hub checks each chunk's bytes against its name
                    packs.addFrom(root.resolve(p.file().path()), p.content().chunks(), missing::remove);
                    packs.flush();
                } catch (java.io.EOFException e) {
                    throw changedWhileUploaded(p, e);
                } catch (SynclineException e) {
                    throw e.code() == ErrorCode.INTEGRITY ? changedWhileUploaded(p, e) : e;
                }
                sent.put(p.file().path(), new Sent(packs.chunks(), packs.bytes(), false));
                if (!p.file().equals(LocalScan.stat(root, p.file().path()))) {
                    // a change where the hub already held the chunks: the commit would name what the scan saw, not what is there
                    throw changedWhileUploaded(p, null);
                }
                return 1;
            });
        }
        for (List<Pending> batch : batches(small, p -> p.content().size(), p -> p.content().chunks().size())) {
            tasks.add(() -> uploadPacked(batch, missing, sent));
        }
        all(tasks);
        return sent;
    }

    /** Sends the missing chunks of many small files in one request (their batch fits one {@link ChunkPack}). */
    private int uploadPacked(List<Pending> batch, Set<String> missing, Map<String, Sent> sent) throws IOException, InterruptedException {
        java.io.ByteArrayOutputStream pack = new java.io.ByteArrayOutputStream();
        long chunks = 0;
        for (Pending p : batch) {
            int before = pack.size();
            long[] count = new long[1];
            FileContent again = FileContent.read(root.resolve(p.file().path()), missing::remove, c -> {
                ChunkPack.write(pack, c.sha256(), c.data(), c.length());
                count[0]++;
            });
            requireUnchanged(p, again);
            sent.put(p.file().path(), new Sent(count[0], pack.size() - before, false));
            chunks += count[0];
        }
        if (chunks > 0) {
            client.putChunks(folder, pack.toByteArray(), pack.size());
            up.take(pack.size());
            stats.chunksUploaded.addAndGet(chunks);
            stats.bytesUploaded.addAndGet(pack.size());
        }
        return batch.size();
    }

    private static void requireUnchanged(Pending p, FileContent again) throws IOException {
        if (!again.sha256().equals(p.content().sha256())) {
            throw changedWhileUploaded(p, null);
        }
    }

    private static IOException changedWhileUploaded(Pending p, Exception cause) {
        return new IOException(p.file().path() + " changed while it was uploaded; it is sent again at the next sync", cause);
    }

    /** Cuts {@code items} into runs that fit one {@link ChunkPack}: at most its bytes and its chunks. */
    static <T> List<List<T>> batches(List<T> items, java.util.function.ToLongFunction<T> bytes, java.util.function.ToIntFunction<T> chunks) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long size = 0;
        int count = 0;
        for (T item : items) {
            long b = bytes.applyAsLong(item);
            int n = chunks.applyAsInt(item);
            if (!current.isEmpty() && (size + b > ChunkPack.MAX_BYTES || count + n > ChunkPack.MAX_CHUNKS)) {
                out.add(current);
                current = new ArrayList<>();
                size = 0;
                count = 0;
            }
            current.add(item);
            size += b;
            count += n;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private void recordCommitted(FileChange change, CommitResult.Committed done, Map<String, Pending> changed, Map<String, Sent> sent)
            throws IOException {
        if (FileChange.DELETE.equals(change.op())) {
            index.remove(change.path());
            if (!done.skipped()) {
                stats.deletesSent.incrementAndGet();
            }
            report.line(done.skipped() ? "not deleted " + change.path() + ": it changed on the hub meanwhile; the newer version comes back"
                    : "deleted " + change.path() + " on the hub (in its trash)");
            return;
        }
        String local = FileChange.RENAME.equals(change.op()) ? change.newPath() : change.path();
        if (FileChange.RENAME.equals(change.op())) {
            index.remove(change.path());
        }
        Pending p = changed.get(local);
        if (done.conflict()) {
            Path copyTarget = root.resolve(done.path());
            if (!Files.exists(copyTarget)) {
                Files.createDirectories(copyTarget.getParent());
                Files.move(root.resolve(local), copyTarget, StandardCopyOption.ATOMIC_MOVE);
            }
            index.remove(local);
            // the stat the content was hashed under (a rename keeps it): if the file changed since, the copy's
            // change goes up at the next pass instead of being taken for the committed content
            index.put(new Entry(done.path(), p.file().size(), p.file().mtime(), p.content().sha256(), done.revision(), p.content().chunks()));
            stats.conflicts.incrementAndGet();
            report.line("conflict " + local + ": it changed on the hub meanwhile; this machine's version is now '" + done.path() + "'");
            return;
        }
        index.put(new Entry(local, p.file().size(), p.file().mtime(), p.content().sha256(), done.revision(), p.content().chunks()));
        Sent s = sent.getOrDefault(local, new Sent(0, 0, false));
        stats.filesUploaded.incrementAndGet();
        report.line((FileChange.RENAME.equals(change.op()) ? "rename " + change.path() + " -> " + local : "upload " + local) + " (revision "
                + done.revision() + ", " + (s.delta() ? "delta of " + s.bytes() + " bytes sent for " + p.content().size() + " bytes)"
                        : s.chunks() + " new chunks, " + s.bytes() + " bytes sent)"));
    }

    private void removeEmptyParents(Path dir) {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            if (index.get(LocalScan.relative(root, d) + EntryPath.DIRECTORY_SUFFIX) != null) {
                return; // a synced empty directory stays
            }
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private int all(List<Callable<Integer>> tasks) throws IOException, InterruptedException {
        return all(tasks, pool);
    }

    /** Runs the tasks side by side; when any fails, the pass fails (after all ended) and the next pass retries. */
    static int all(List<Callable<Integer>> tasks, ExecutorService on) throws IOException, InterruptedException {
        int sum = 0;
        Exception first = null;
        for (Future<Integer> f : on.invokeAll(tasks)) {
            try {
                sum += f.get();
            } catch (ExecutionException e) {
                first = first == null ? (Exception) e.getCause() : first;
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first != null) {
            throw new IOException(first);
        }
        return sum;
    }
}
