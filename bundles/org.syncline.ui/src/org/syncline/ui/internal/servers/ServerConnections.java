package org.syncline.ui.internal.servers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.syncline.core.SynclineException;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.internal.ErrorStatus;
import org.syncline.ui.internal.views.ServerList;
import org.syncline.ui.internal.views.ServerState;

/**
 * Every server the workbench knows and its live link, behind the Servers view. Connecting runs as a Job
 * with progress; failures go to the user through {@link ErrorReporter} and to the Error Log.
 */
public final class ServerConnections {
    /** Family of the connect jobs, so tests and the UI can wait for them. */
    public static final Object JOB_FAMILY = ServerConnections.class;
    private static ServerConnections instance;

    private final ServerList rows = new ServerList();
    private final SavedServers saved;
    private final KnownServers known;
    private final Map<String, ServerSession> sessions = new LinkedHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<ServerSession, ConnectedServer> handles = new java.util.WeakHashMap<>();
    private String selected;
    /** The connect job running for each server, so a double Reconnect gets the same one. */
    private final Map<String, Job> connecting = new java.util.HashMap<>();
    private static final java.util.concurrent.ExecutorService OPENERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "syncline-connect");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "syncline-servers-ticker");
        t.setDaemon(true);
        return t;
    });

    ServerConnections(SavedServers saved, KnownServers known) {
        this.saved = saved;
        this.known = known;
        for (ServerEntry e : saved.load()) {
            sessions.put(e.label(), new ServerSession(e, () -> publish(e.label())));
            publish(e.label());
        }
        // uptime keeps counting between pushes
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    public static synchronized ServerConnections instance() {
        if (instance == null) {
            instance = new ServerConnections(new SavedServers(), KnownServers.forUser());
        }
        return instance;
    }

    public ServerList rows() {
        return rows;
    }

    public synchronized List<ServerEntry> entries() {
        return sessions.values().stream().map(ServerSession::entry).toList();
    }

    public synchronized Optional<ServerState> state(String label) {
        return Optional.ofNullable(sessions.get(label)).map(ServerSession::state);
    }

    /** Remembers the server (if new) and connects to it in a Job. */
    public Job connect(ServerEntry entry, char[] password, FingerprintPrompt prompt, boolean savePassword) {
        ServerSession session;
        synchronized (this) {
            session = sessions.computeIfAbsent(entry.label(), l -> new ServerSession(entry, () -> publish(l)));
            saved.save(entries());
        }
        if (savePassword) {
            try {
                saved.savePassword(entry, password);
            } catch (SynclineException e) {
                ErrorReporter.report("Could not save the password for " + entry.label(), e);
            }
        }
        Job job;
        synchronized (this) {
            Job running = connecting.get(entry.label());
            if (running != null) {
                return running; // a second Reconnect while one runs would leak a connection
            }
            job = connectJob(session, entry, password.clone(), prompt);
            connecting.put(entry.label(), job);
        }
        job.setUser(true);
        job.schedule();
        return job;
    }

    private Job connectJob(ServerSession session, ServerEntry entry, char[] secret, FingerprintPrompt prompt) {
        return new Job("Connecting to " + entry.label()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Connecting to " + entry.label(), IProgressMonitor.UNKNOWN);
                // Connecting blocks in the network; it runs beside the job so Cancel is honoured at once.
                CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> session.open(secret, known, prompt), OPENERS);
                try {
                    while (true) {
                        try {
                            opening.get(100, TimeUnit.MILLISECONDS);
                            return Status.OK_STATUS;
                        } catch (TimeoutException stillOpening) {
                            if (monitor.isCanceled()) {
                                opening.whenComplete((done, failure) -> session.close());
                                return Status.CANCEL_STATUS;
                            }
                        }
                    }
                } catch (ExecutionException e) {
                    ErrorReporter.log("Could not connect to " + entry.label(), e.getCause());
                    return ErrorStatus.forDialog(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    opening.whenComplete((done, failure) -> session.close());
                    return Status.CANCEL_STATUS;
                } finally {
                    java.util.Arrays.fill(secret, '\0');
                    synchronized (ServerConnections.this) {
                        connecting.remove(entry.label(), this);
                    }
                    monitor.done();
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
    }

    /** Reconnects with the password of this workbench session or the saved one; false if there is none. */
    public boolean reconnect(String label, FingerprintPrompt prompt) {
        ServerSession s;
        synchronized (this) {
            s = sessions.get(label);
        }
        if (s == null) {
            return false;
        }
        char[] pw = s.password() != null ? s.password() : saved.password(s.entry());
        if (pw == null) {
            return false;
        }
        connect(s.entry(), pw, prompt, false);
        return true;
    }

    /** Connects, at start-up, to every saved server whose password is in secure storage. */
    public void connectSaved(FingerprintPrompt prompt) {
        for (ServerEntry e : entries()) {
            char[] pw = saved.password(e);
            if (pw != null) {
                connect(e, pw, prompt, false);
            }
        }
    }

    public void disconnect(String label) {
        ServerSession s;
        synchronized (this) {
            s = sessions.get(label);
        }
        if (s != null) {
            s.close();
        }
    }

    /** Disconnects and forgets the server and its saved password. */
    public void remove(String label) {
        ServerSession s;
        synchronized (this) {
            s = sessions.remove(label);
            saved.save(entries());
            if (label.equals(selected)) {
                selected = null;
            }
        }
        if (s != null) {
            s.close();
            saved.forgetPassword(s.entry());
        }
        rows.remove(label);
        // views showing it let go of it (they showed its rows until another server was chosen)
        listeners.forEach(Runnable::run);
    }

    /** Closes every connection: the workbench is shutting down. */
    public void closeAll() {
        List<ServerSession> all;
        synchronized (this) {
            all = new ArrayList<>(sessions.values());
        }
        all.forEach(ServerSession::close);
        ticker.shutdownNow();
    }

    private void publish(String label) {
        ServerSession s;
        synchronized (this) {
            s = sessions.get(label);
        }
        if (s != null) {
            rows.put(s.row());
        }
        listeners.forEach(Runnable::run);
    }

    /** The server the user picked in the Servers view, or the only connected one. */
    public synchronized Optional<ConnectedServer> selected() {
        ServerSession s = selected == null ? null : sessions.get(selected);
        if (s == null || s.connection() == null) {
            List<ServerSession> up = sessions.values().stream().filter(x -> x.connection() != null).toList();
            s = up.size() == 1 ? up.get(0) : s;
        }
        return s == null ? Optional.empty() : Optional.of(handle(s));
    }

    public synchronized List<ConnectedServer> connected() {
        return sessions.values().stream().filter(x -> x.connection() != null).map(this::handle).toList();
    }

    public void select(String label) {
        synchronized (this) {
            if (java.util.Objects.equals(selected, label)) {
                return;
            }
            selected = label;
        }
        listeners.forEach(Runnable::run);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private ConnectedServer handle(ServerSession s) {
        return handles.computeIfAbsent(s, SessionHandle::new);
    }

    private void tick() {
        List<ServerSession> connected;
        synchronized (this) {
            connected = sessions.values().stream().filter(s -> s.state() == ServerState.CONNECTED).toList();
        }
        connected.forEach(s -> rows.put(s.row()));
    }
}
