package org.syncline.sync.internal.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;
import org.syncline.core.ErrorCode;
import org.syncline.core.Outage;
import org.syncline.core.SynclineException;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.engine.EngineSettings;
import org.syncline.sync.internal.engine.SyncEngine;
import org.syncline.sync.internal.engine.SyncStats;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.Servers;

/**
 * The pairs this workbench syncs and their engines, which run in the workbench process. The pairs are kept
 * in the workbench's state location; an engine runs while the pair's server is connected (a new connection
 * gets a new engine) and all stop when the workbench closes. Engines start and stop on one thread of their
 * own, never on the UI thread (closing waits for a running sync).
 */
public final class SyncPairs {
    /** What the Sync Folders view shows for one pair. */
    public record Status(SyncPair pair, String state, String progress, Instant lastSync, String lastLine, List<String> warnings) {
    }

    private static SyncPairs instance;

    private final PairFile file;
    private final List<Running> pairs = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService lifecycle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync pairs");
        t.setDaemon(true);
        return t;
    });
    private final Runnable serversChanged = () -> lifecycle.execute(this::reconcile);
    /** A reconcile for changed preferences is queued and has not started: more changes join it. */
    private final AtomicBoolean settingsPending = new AtomicBoolean();
    /**
     * A change of the Sync preferences (the page's Apply, an import): engines running with other settings restart with
     * the new ones. The node reports each key on its own; the restart waits a moment so that all keys stored together
     * make one restart, not one a key.
     */
    private final org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener preferencesChanged = e -> {
        if (!lifecycle.isShutdown() && settingsPending.compareAndSet(false, true)) {
            try {
                lifecycle.schedule(() -> {
                    settingsPending.set(false);
                    if (!lifecycle.isShutdown()) { // closing: the engines are stopped, none is to start again
                        reconcile();
                    }
                }, SETTINGS_SETTLE_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                settingsPending.set(false);
            }
        }
    };
    static final long SETTINGS_SETTLE_MS = 300;

    private static final class Running {
        volatile SyncPair pair;
        volatile SyncEngine engine;
        volatile SyncClient client;
        volatile String startError;
        /** The client of the connection this pair's engine ran on until it went away: it knows why and when it retries. */
        volatile SyncClient lost;
        /** When the engine stopped because its server went away; null while it runs or before it ever ran. */
        volatile Instant offlineSince;
        volatile Instant lastSync;
        volatile String lastLine;
        volatile long filesAtLastSync;
        volatile int conflicts;

        Running(SyncPair pair) {
            this.pair = pair;
        }
    }

    private SyncPairs(PairFile file) {
        this.file = file;
    }

    /** The workbench's pairs, loaded and started on first use. */
    public static synchronized SyncPairs instance() {
        if (instance == null) {
            Path state = Path.of(Platform.getStateLocation(FrameworkUtil.getBundle(SyncPairs.class)).toOSString());
            SyncPairs p = new SyncPairs(new PairFile(state.resolve("pairs.json")));
            try {
                p.file.read().forEach(pair -> p.pairs.add(new Running(pair)));
            } catch (SynclineException e) {
                ErrorReporter.report("Could not read the sync pairs", e);
            }
            Servers.addListener(p.serversChanged);
            SyncPreferences.node().addPreferenceChangeListener(p.preferencesChanged);
            if (PlatformUI.isWorkbenchRunning()) {
                PlatformUI.getWorkbench().addWorkbenchListener(new IWorkbenchListener() {
                    @Override
                    public boolean preShutdown(IWorkbench workbench, boolean forced) {
                        return true;
                    }

                    @Override
                    public void postShutdown(IWorkbench workbench) {
                        shutdown();
                    }
                });
            }
            p.lifecycle.execute(p::reconcile);
            instance = p;
        }
        return instance;
    }

    /** Stops every engine; called when the workbench shuts down. */
    public static synchronized void shutdown() {
        if (instance != null) {
            Servers.removeListener(instance.serversChanged);
            SyncPreferences.node().removePreferenceChangeListener(instance.preferencesChanged);
            instance.lifecycle.execute(instance::stopAll);
            instance.lifecycle.shutdown();
            try {
                instance.lifecycle.awaitTermination(35, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            instance = null;
        }
    }

    /** Called (on any thread) when a pair is added, removed or changes state after a sync. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    public synchronized List<SyncPair> pairs() {
        return pairs.stream().map(r -> r.pair).toList();
    }

    /**
     * Adds a pair and starts its engine when its server is connected.
     *
     * @throws SynclineException INVALID_ARGUMENT when the directory is not absolute or already in a pair,
     *             ALREADY_EXISTS when it is inside or around another pair's directory
     */
    public void add(SyncPair pair) {
        Path dir = Path.of(pair.localDir());
        if (!dir.isAbsolute()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The local directory must be an absolute path, not '" + pair.localDir() + "'.");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, pair.localDir() + " is a file; choose a directory.");
        }
        SyncPair normal = new SyncPair(pair.server(), dir.normalize().toString(), pair.folder(), pair.paused());
        synchronized (this) {
            for (Running r : pairs) {
                Path other = Path.of(r.pair.localDir());
                if (other.startsWith(dir) || dir.startsWith(other)) {
                    throw new SynclineException(ErrorCode.ALREADY_EXISTS, "The directory " + normal.localDir() + " overlaps the pair " + r.pair.localDir()
                            + " = " + r.pair.remote() + "; one directory can be in one pair only.");
                }
            }
            pairs.add(new Running(normal));
            save();
        }
        lifecycle.execute(this::reconcile);
        changed();
    }

    /** Stops the pair's engine and forgets the pair; its files stay where they are, locally and on the server. */
    public void remove(SyncPair pair) {
        Running r = find(pair).orElse(null);
        if (r == null) {
            return;
        }
        synchronized (this) {
            pairs.remove(r);
            save();
        }
        lifecycle.execute(() -> stop(r));
        changed();
    }

    public void pause(SyncPair pair) {
        setPaused(pair, true);
    }

    public void resume(SyncPair pair) {
        setPaused(pair, false);
    }

    private void setPaused(SyncPair pair, boolean paused) {
        find(pair).ifPresent(r -> {
            SyncEngine engine;
            synchronized (this) {
                r.pair = r.pair.withPaused(paused);
                save();
                engine = r.engine;
            }
            if (engine != null) {
                if (paused) {
                    engine.pause();
                } else {
                    engine.resume();
                }
            }
            changed();
        });
    }

    /** Syncs at once instead of waiting for the next change or rescan. */
    public void syncNow(SyncPair pair) {
        find(pair).map(r -> r.engine).ifPresent(SyncEngine::requestSync);
    }

    /** The pair's status now, for the view. */
    public synchronized List<Status> status() {
        return pairs.stream().map(SyncPairs::status).toList();
    }

    private static Status status(Running r) {
        SyncEngine e = r.engine;
        String state;
        String progress = "";
        if (e == null) {
            state = r.startError != null ? "error: " + r.startError : r.pair.paused() ? "paused" : offline(r);
        } else {
            SyncStats s = e.stats();
            long deletes = s.deletesSent.get() + s.deletesApplied.get();
            long files = s.filesSynced();
            state = switch (e.state()) {
                case STARTING -> "starting";
                case SYNCING -> syncing(files - r.filesAtLastSync);
                case UP_TO_DATE -> r.conflicts > 0 ? r.conflicts + (r.conflicts == 1 ? " conflict" : " conflicts") : "up to date";
                case OFFLINE -> offline(e.outage(), Instant.now());
                case PAUSED -> "paused";
                case ERROR -> "error: " + e.lastError();
            };
            progress = s.filesUploaded.get() + " up (" + Formats.size(s.bytesUploaded.get()) + " sent), " + s.filesDownloaded.get() + " down"
                    + (deletes == 0 ? "" : ", " + deletes + " deleted");
        }
        List<String> warnings = e == null ? List.of() : e.warnings();
        int count = e == null ? 0 : e.warningCount();
        if (count > 0) {
            // symlinks not followed, names this side cannot hold, edits a read-only member may not send: Show Warnings lists them
            state += ", " + count + (count == 1 ? " warning" : " warnings");
        }
        return new Status(r.pair, state, progress, r.lastSync, r.lastLine, warnings);
    }

    /** "syncing" while a pass has moved nothing yet (a rescan that finds nothing), then "syncing 1 file", "syncing 12 files". */
    public static String syncing(long files) {
        return files <= 0 ? "syncing" : files == 1 ? "syncing 1 file" : "syncing " + files + " files";
    }

    /** Since when and why a pair whose server went away is offline; plain "offline (not connected)" if it never ran. */
    private static String offline(Running r) {
        Instant since = r.offlineSince;
        if (since == null) {
            return "offline (not connected)";
        }
        SyncClient lost = r.lost;
        Outage o = lost == null ? null : lost.connection().outage();
        // no outage on the connection: it was closed here (Disconnect in the Servers view), not lost
        return offline(o != null ? o : new Outage(since, "disconnected", null), Instant.now());
    }

    private static String offline(Outage o, Instant now) {
        return o == null ? "offline" : o.describe(now, ZoneId.systemDefault());
    }

    private synchronized Optional<Running> find(SyncPair pair) {
        return pairs.stream().filter(r -> r.pair.localDir().equals(pair.localDir())).findFirst();
    }

    private void save() {
        file.write(pairs.stream().map(r -> r.pair).toList());
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The settings the pair's engine runs with, or empty while it has none (offline, paused before it started, removed). */
    public Optional<EngineSettings> settingsOf(SyncPair pair) {
        return find(pair).map(r -> r.engine).map(SyncEngine::settings);
    }

    /**
     * Runs on the lifecycle thread: every pair whose server is connected has an engine on its current connection,
     * running with the settings of the preference page.
     */
    private void reconcile() {
        List<Running> now;
        synchronized (this) {
            now = List.copyOf(pairs);
        }
        EngineSettings settings = SyncPreferences.current();
        for (Running r : now) {
            Optional<ConnectedServer> server = SyncClients.server(r.pair.server());
            SyncClient client = null;
            if (server.isPresent()) {
                try {
                    client = SyncClients.of(server.get());
                } catch (SynclineException e) {
                    client = null; // went away meanwhile: offline
                }
            }
            if (r.engine != null && r.client == client && r.engine.settings().equals(settings)) {
                continue;
            }
            if (client == null && r.engine != null) {
                r.lost = r.client;
                r.offlineSince = Instant.now();
            }
            stop(r);
            if (client != null) {
                start(r, server.get(), client, settings);
            }
        }
        changed();
    }

    private void start(Running r, ConnectedServer server, SyncClient client, EngineSettings settings) {
        SyncPair p = r.pair;
        SyncEngine engine = new SyncEngine(client, server.user(), Path.of(p.localDir()), p.folder(), settings, line -> r.lastLine = line);
        r.filesAtLastSync = 0; // a new engine counts from 0 (a restart for new settings, a new connection)
        engine.onSynced(e -> {
            SyncStats s = e.stats();
            r.filesAtLastSync = s.filesSynced();
            r.conflicts = ConflictCopies.find(e.localDir()).size();
            r.lastSync = Instant.now();
            changed();
        });
        engine.onChange(this::changed);
        try {
            // the pairs file is this workbench's word on pausing: a mark left by an outside 'sync-agent pause' goes
            // at start (while it runs, the engine follows the mark, and the view shows its state)
            if (p.paused()) {
                engine.pause();
            } else {
                SyncEngine.mark(Path.of(p.localDir()), false);
            }
            engine.start();
            r.engine = engine;
            r.client = client;
            r.startError = null;
            r.lost = null;
            r.offlineSince = null;
        } catch (SynclineException e) {
            engine.close();
            r.startError = e.getMessage();
        }
    }

    private void stop(Running r) {
        SyncEngine e = r.engine;
        r.engine = null;
        r.client = null;
        if (e != null) {
            e.close();
        }
    }

    private void stopAll() {
        List<Running> now;
        synchronized (this) {
            now = List.copyOf(pairs);
        }
        now.forEach(this::stop);
    }
}
