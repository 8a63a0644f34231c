package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.syncline.core.ErrorCode;
import org.syncline.core.Outage;
import org.syncline.core.SynclineException;
import org.syncline.protocol.ConnectionState;
import org.syncline.sync.client.SyncClient;

/**
 * Keeps one local directory and one hub folder alike. Anything that may mean a change (the watcher, a push
 * from the hub, a reconnect, the periodic rescan) asks for a sync; requests within the debounce time become
 * one {@link SyncPass}, and passes never overlap. A pass that fails (offline, a file busy) is retried.
 */
public final class SyncEngine implements AutoCloseable {
    /** The engine's state as people see it. */
    public enum State { STARTING, SYNCING, UP_TO_DATE, OFFLINE, PAUSED, ERROR }

    /** Where the engine reports what it does: one line per action, and each warning once. */
    static final class Reporter {
        /** Warnings kept for {@link SyncEngine#warnings()}; those past it are counted, not kept. */
        static final int KEPT_WARNINGS = 1000;
        /** The warnings a walk of the whole folder finds again if they still hold: what the local scan and push report. */
        static final java.util.function.Predicate<String> FOUND_BY_A_WALK = key -> key.startsWith("symlink:") || key.startsWith("name:")
                || key.startsWith("readonly:") || key.startsWith("toolarge:");
        private final Consumer<String> sink;
        /** The key of every warning in force, kept in the list or not. */
        private final Set<String> said = ConcurrentHashMap.newKeySet();
        /** The keys reported by the pass running now, in force or said again. */
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();

        Reporter(Consumer<String> sink) {
            this.sink = sink;
        }

        void line(String text) {
            sink.accept(text);
        }

        /**
         * A warning (a symlink not followed, a name this side cannot hold, a read-only member's edit not sent): said once,
         * and kept while it holds (see {@link #passEnded}).
         */
        void once(String key, String text) {
            seen.add(key);
            boolean isNew = said.add(key);
            synchronized (kept) {
                if (kept.size() < KEPT_WARNINGS) {
                    kept.putIfAbsent(key, text); // also one past the bound before, now that others went
                }
            }
            if (isNew) {
                sink.accept(text);
            }
        }

        /** Whether the warning is in force; if so, it counts as reported again by this pass (it still holds). */
        boolean stillHolds(String key) {
            if (!said.contains(key)) {
                return false;
            }
            seen.add(key);
            return true;
        }

        /** A pass starts: what it reports is what still holds. */
        void passStarting() {
            seen.clear();
        }

        /**
         * A pass ended having looked again at every warning {@code covered} accepts: those it did not report again no
         * longer hold (the symlink was removed, the name fixed) and leave the list; said again if they come back.
         */
        void passEnded(java.util.function.Predicate<String> covered) {
            synchronized (kept) {
                said.removeIf(key -> covered.test(key) && !seen.contains(key));
                kept.keySet().retainAll(said);
            }
        }

        /** How many warnings hold, kept in the list or not. */
        int warningCount() {
            return said.size();
        }

        List<String> warnings() {
            synchronized (kept) {
                List<String> out = new java.util.ArrayList<>(kept.values());
                int more = said.size() - kept.size();
                if (more > 0) {
                    out.add("... and " + more + " more (the first " + KEPT_WARNINGS + " are listed)");
                }
                return out;
            }
        }
    }

    private static final long RETRY_MS = 3000;
    /**
     * While this file exists in the pair's state directory the pair is paused: {@link #pause()} makes it, {@link
     * #resume()} removes it, and anyone may (the agent's {@code sync-agent pause|resume DIR}); it survives restarts.
     */
    public static final String PAUSED_MARK = "paused";
    /** Every this many rescans (and at the start) a pass compares the hub's whole head with the index. */
    static final int RESCANS_PER_RECONCILE = 6;

    private final SyncClient client;
    private final String user;
    private final Path root;
    private final String folder;
    private final EngineSettings settings;
    private final Reporter report;
    private final SyncStats stats = new SyncStats();
    private final ScheduledExecutorService worker;
    private final ExecutorService transfers;
    private final Throttle up;
    private final Throttle down;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    /** The next pass reconciles with the hub's head (at the start, then every {@link #RESCANS_PER_RECONCILE} rescans). */
    private final AtomicBoolean reconcileDue = new AtomicBoolean(true);
    /** What the next pass looks at on disk: the paths the watcher reported, or all. */
    private final ScanScope scope = new ScanScope();
    private int rescans;
    private volatile State state = State.STARTING;
    /** The reason of the outage last reported ("connection refused"), "" for one without a reason; null while online. */
    private final AtomicReference<String> offlineReported = new AtomicReference<>();
    private final AtomicBoolean followingOutage = new AtomicBoolean();
    private volatile String lastError;
    /** Since when, why and until when the engine is offline for a failed request while its connection stands. */
    private volatile Outage requestOutage;
    private volatile boolean synced;
    private LocalIndex index;
    private DirectoryWatcher watcher;
    private AutoCloseable pushes;
    private Consumer<ConnectionState> connectionListener;
    private volatile Consumer<SyncEngine> onPass = e -> { };
    private volatile Runnable onChange = () -> { };

    public SyncEngine(SyncClient client, String user, Path localDir, String folder, EngineSettings settings, Consumer<String> log) {
        this.client = client;
        this.user = user;
        this.root = localDir.toAbsolutePath().normalize();
        this.folder = folder;
        this.settings = settings;
        this.report = new Reporter(text -> {
            log.accept(text);
            onChange.run();
        });
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "sync " + folder));
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a pending retry must not hold up closing
        this.worker = w;
        this.transfers = Executors.newFixedThreadPool(Math.max(1, settings.parallel()), r -> daemon(r, "sync-transfer " + folder));
        this.up = new Throttle(settings.uploadLimit());
        this.down = new Throttle(settings.downloadLimit());
    }

    /** Starts watching and syncing; the first sync runs at once. */
    public void start() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The local folder " + root + " cannot be created (" + e.getMessage() + ").", e);
        }
        index = LocalIndex.load(root);
        followMark();
        try {
            DeltaUpload.clearScratch(root);
        } catch (IOException e) {
            report.line("warning: old delta scratch files in " + root.resolve(LocalIndex.STATE_DIR) + " could not be removed (" + e.getMessage() + ")");
        }
        try {
            watcher = new DirectoryWatcher(root, LocalScan.rules(root), this::changed);
            // the pause mark is followed by the watcher too: no timer wakes an idle agent to look for it
            watcher.followState(root.resolve(LocalIndex.STATE_DIR), PAUSED_MARK, this::markChanged);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The local folder " + root + " cannot be watched (" + e.getMessage()
                    + "); it is still rescanned every " + settings.rescan().toMinutes() + " minutes.", e);
        }
        pushes = client.watch((changedFolder, cursor) -> {
            if (folder.equals(changedFolder) && cursor > index.cursor()) {
                // A push is one committed change set already: nothing to let settle, fetch it now.
                requestSyncIn(0);
            }
        });
        connectionListener = s -> {
            if (s == ConnectionState.CONNECTED) {
                if (offlineReported.getAndSet(null) != null) {
                    report.line("online " + folder + ": connected again; catching up");
                }
                requestSync();
            } else if (s == ConnectionState.RECONNECTING) {
                goOffline();
            }
        };
        client.connection().addStateListener(connectionListener);
        long rescan = Math.max(1000, settings.rescan().toMillis());
        worker.scheduleWithFixedDelay(this::rescan, rescan, rescan, TimeUnit.MILLISECONDS);
        requestSync();
    }

    /** The periodic rescan (on the worker): a sync, and every few rescans a reconcile with the hub's head. */
    private void rescan() {
        followMark(); // a mark the watcher missed (its state directory removed and made again)
        if (++rescans % RESCANS_PER_RECONCILE == 0) {
            reconcileDue.set(true);
        }
        requestSync();
    }

    /** The watcher saw {@code path} change (null: it cannot say what): the next pass looks there. */
    private void changed(String path) {
        scope.changed(path);
        requestSyncIn(settings.debounce().toMillis());
    }

    /** Asks for a sync that walks the whole folder, after the debounce time; several requests meanwhile make one. */
    public void requestSync() {
        scope.all();
        requestSyncIn(settings.debounce().toMillis());
    }

    private void requestSyncIn(long delayMillis) {
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.schedule(this::pass, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // closing
            }
        }
    }

    /** Stops syncing until {@link #resume()}: a running pass ends, no other starts. Kept across restarts. */
    public void pause() {
        mark(root, true);
        paused();
    }

    public void resume() {
        mark(root, false);
        resumed();
    }

    private void paused() {
        if (paused.compareAndSet(false, true)) {
            setState(State.PAUSED);
            report.line("paused " + root + " = " + folder);
        }
    }

    private void resumed() {
        if (paused.compareAndSet(true, false)) {
            report.line("resumed " + root + " = " + folder);
            requestSync();
        }
    }

    /** The pause mark of the pair at {@code localDir}, made or removed; what a running engine of that pair follows as soon as its watcher sees it. */
    public static void mark(Path localDir, boolean pause) {
        Path mark = localDir.toAbsolutePath().normalize().resolve(LocalIndex.STATE_DIR).resolve(PAUSED_MARK);
        try {
            if (pause) {
                Files.createDirectories(mark.getParent());
                if (!Files.exists(mark)) {
                    Files.write(mark, new byte[0]);
                }
            } else {
                Files.deleteIfExists(mark);
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The pause mark " + mark + " cannot be " + (pause ? "made" : "removed") + " ("
                    + e.getMessage() + ").", e);
        }
    }

    /** Follows a pause mark made or removed from outside (on the worker, when the watcher sees it and at each rescan). */
    private void followMark() {
        if (Files.exists(root.resolve(LocalIndex.STATE_DIR).resolve(PAUSED_MARK))) {
            paused();
        } else {
            resumed();
        }
    }

    /** The watcher saw the pause mark change (on its thread): the worker follows it. */
    private void markChanged() {
        try {
            worker.execute(this::followMark);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    public boolean isPaused() {
        return paused.get();
    }

    public State state() {
        return state;
    }

    /**
     * Since when the engine has been offline, why, and when it tries again; null unless {@link #state()} is OFFLINE.
     * A lost connection's own outage (its reconnect attempts and their failures) comes first.
     */
    public Outage outage() {
        if (state != State.OFFLINE) {
            return null;
        }
        Outage c = client.connection().outage();
        return c != null ? c : requestOutage;
    }

    /** The last failure, or null once a sync succeeded again. */
    public String lastError() {
        return lastError;
    }

    /**
     * The warnings in force, oldest first, each once: symlinks not followed, names this side cannot hold, content not
     * written or local edits not uploaded (a read-only member). A warning goes when a pass that looked again no longer
     * finds it (a walk of the whole folder for what the scan finds, a reconcile for all). The agent prints them as they
     * come; the workbench lists them per pair.
     */
    public List<String> warnings() {
        return report.warnings();
    }

    /** How many warnings {@link #warnings()} stands for (past its bound it lists the first ones and a count of the rest). */
    public int warningCount() {
        return report.warningCount();
    }

    /** How this engine runs (its rescan period, bandwidth limits, parallel transfers), fixed for its life. */
    public EngineSettings settings() {
        return settings;
    }

    public SyncStats stats() {
        return stats;
    }

    public Path localDir() {
        return root;
    }

    public String folder() {
        return folder;
    }

    /**
     * Called (on the engine's threads) whenever the state changes or the engine reports a line (a file moved, a
     * warning): what a view needs to redraw without polling. It should only schedule its redraw.
     */
    public void onChange(Runnable listener) {
        onChange = listener;
    }

    private void setState(State s) {
        State before = state;
        state = s;
        if (before != s) {
            onChange.run();
        }
    }

    /**
     * The state a pass ends in, unless the pair was paused while it ran: then it stays paused (the pass that was under
     * way when the user paused finishes, and must not make the pair look as if it syncs on).
     */
    private void settle(State s) {
        setState(paused.get() ? State.PAUSED : s);
        if (paused.get() && state != State.PAUSED) {
            setState(State.PAUSED); // paused between the look and the set
        }
    }

    /** Called after every successful sync (on the engine's thread). */
    public void onSynced(Consumer<SyncEngine> listener) {
        onPass = listener;
    }

    /** Whether one sync has completed since the start. */
    public boolean hasSynced() {
        return synced;
    }

    private void pass() {
        scheduled.set(false);
        if (paused.get()) {
            return;
        }
        setState(State.SYNCING);
        boolean reconcile = reconcileDue.getAndSet(false);
        Set<String> paths = scope.take();
        boolean failed = true;
        // a reconcile looks again at everything a warning can be about (the hub's whole head, the whole folder); a walk
        // of the whole folder at what the scan and the push report; a pass over a few changed paths at too little to tell
        java.util.function.Predicate<String> covered = reconcile ? key -> true : paths == null ? Reporter.FOUND_BY_A_WALK : key -> false;
        report.passStarting();
        try {
            SyncPass sync = new SyncPass(client, folder, root, user, index, transfers, up, down, stats, report).scanning(paths);
            (reconcile ? sync.reconciling() : sync).run();
            report.passEnded(covered);
            reconcile = false;
            failed = false;
            settle(State.UP_TO_DATE);
            if (offlineReported.getAndSet(null) != null) {
                report.line("online " + folder + ": connected again; caught up");
            }
            lastError = null;
            requestOutage = null;
            synced = true;
            onPass.accept(this);
        } catch (SynclineException e) {
            fail(e.code() == ErrorCode.CONNECTION_FAILED || e.code() == ErrorCode.TIMEOUT || e.code() == ErrorCode.NOT_LOGGED_IN
                    ? State.OFFLINE : State.ERROR, e.toUserText(), e.code());
        } catch (IOException e) {
            fail(State.ERROR, "local files: " + e.getMessage(), ErrorCode.STORAGE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(State.ERROR, e.toString(), ErrorCode.INTERNAL);
        } finally {
            if (reconcile) {
                reconcileDue.set(true); // it failed: the retry reconciles
            }
            if (failed) {
                scope.all(); // what it was to look at may be half done: the retry walks the folder
            }
        }
    }

    /**
     * Marks the folder offline and says so once per outage, whichever notices first: the connection's state
     * listener or a sync pass whose request failed; and again, in one line, each time the reason changes (the loss,
     * then what the reconnect attempts meet: "connection refused"), not at every retry.
     */
    private void goOffline() {
        settle(State.OFFLINE); // a paused pair stays paused: nothing would set it back when the hub returns
        reportOutage();
        if (followingOutage.compareAndSet(false, true) && !worker.isShutdown()) {
            worker.schedule(this::followOutage, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** While offline, looks every few seconds whether the reason changed (the reconnect attempts' own failures). */
    private void followOutage() {
        if (state != State.OFFLINE || offlineReported.get() == null || worker.isShutdown()) {
            followingOutage.set(false);
            return;
        }
        reportOutage();
        worker.schedule(this::followOutage, RETRY_MS, TimeUnit.MILLISECONDS);
    }

    private void reportOutage() {
        Outage o = outage();
        String reason = o == null || o.reason() == null ? "" : o.reason();
        String was = offlineReported.getAndSet(reason);
        if (was == null) {
            report.line("offline " + folder + ": " + (o == null ? "lost the connection to the hub" : "the hub is unreachable "
                    + o.details(Instant.now(), ZoneId.systemDefault())) + "; local changes are kept and sent when it is back");
        } else if (!reason.isEmpty() && !reason.equals(was)) {
            report.line("offline " + folder + ": the hub is still unreachable " + o.details(Instant.now(), ZoneId.systemDefault()));
        }
    }

    private void fail(State s, String message, ErrorCode code) {
        if (s == State.OFFLINE) {
            Outage was = requestOutage;
            requestOutage = new Outage(was != null ? was.since() : Instant.now(), code.name().replace('_', ' ').toLowerCase(Locale.ROOT),
                    Instant.now().plusMillis(RETRY_MS));
            goOffline();
            if (!worker.isShutdown()) {
                worker.schedule(this::requestSync, RETRY_MS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        settle(s);
        if (!message.equals(lastError)) {
            report.line("error " + folder + ": " + message + " (retrying)");
        }
        lastError = message;
        if (!worker.isShutdown()) {
            worker.schedule(this::requestSync, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching and waits for a running sync to end; the index is saved by every sync. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transfers.shutdownNow();
        try {
            if (watcher != null) {
                watcher.close();
            }
            if (pushes != null) {
                pushes.close();
            }
        } catch (Exception e) {
            // closing anyway
        }
        if (connectionListener != null) {
            client.connection().removeStateListener(connectionListener);
        }
        if (index != null && worker.isTerminated()) {
            index.close();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
