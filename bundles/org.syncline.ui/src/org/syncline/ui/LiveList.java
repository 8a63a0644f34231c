package org.syncline.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;

/**
 * A list one server keeps and pushes changes to, as the workbench follows it: read once per connection (a
 * reconnect makes a new client, so it is read again and its pushes are renewed), then kept by the pushes, read
 * again on demand (F5). A capability makes one per server and shares it between the views that show it.
 * UI thread only, except the network work inside its background jobs.
 *
 * @param <C> the capability's typed client
 * @param <R> one row of the list
 * @param <L> what the views that follow the list implement
 */
public abstract class LiveList<C, R, L> {
    /** Work on the server, off the UI thread. */
    @FunctionalInterface
    public interface Work<C, T> {
        T on(C client);
    }

    /** What one read gave, with the client it was read on (to tell a new connection from the one read already). */
    private record Read<C, R>(C client, List<R> rows) {
    }

    private final ConnectedServer server;
    private final Class<C> clientType;
    private final String name;
    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private final Map<Object, R> rows = new LinkedHashMap<>();
    private Object readOn;
    private String problem;
    /** Hops from network threads to the UI thread; pushes handed to {@link #put} and {@link #remove} come through it. */
    protected final UiRunner ui = UiRunner.forWorkbench();

    /** {@code name} is how sentences name the list: "jobs" gives "Reading the jobs...", "... shows no jobs: ...". */
    protected LiveList(ConnectedServer server, Class<C> clientType, String name) {
        this.server = server;
        this.clientType = clientType;
        this.name = name;
        this.problem = "Reading the " + name + "...";
    }

    /**
     * The list of the server selected in the Servers view when it is connected ({@code of} finds or makes it),
     * else null; moves {@code listener} from {@code current} over to it and reads it if not read on this connection.
     */
    public static <X extends LiveList<?, ?, L>, L> X follow(X current, L listener, Function<ConnectedServer, X> of) {
        X next = Servers.selected().filter(ConnectedServer::isConnected).map(of).orElse(null);
        if (next != current) {
            if (current != null) {
                current.removeListener(listener);
            }
            if (next != null) {
                ((LiveList<?, ?, L>) next).listen(listener);
            }
        }
        if (next != null) {
            next.start();
        }
        return next;
    }

    /**
     * The list {@code all} keeps for the server's label, made anew when that server was removed and added again since
     * it was made: the old one holds the removed server's handle, whose connection is gone for good (a view then said
     * "Not connected to ..." about a connected server).
     */
    public static <X extends LiveList<?, ?, ?>> X kept(java.util.Map<String, X> all, ConnectedServer server,
            Function<ConnectedServer, X> make) {
        return all.compute(server.label(), (label, old) -> old != null && old.server() == server ? old : make.apply(server));
    }

    /** Makes the client on a new connection and subscribes to the server's pushes, handing them to {@link #ui}. */
    protected abstract C connect(Connection connection);

    /** Reads the whole list (on a background thread). */
    protected abstract List<R> read(C client);

    /** What a row stands for: a pushed row with the same key replaces it. */
    protected abstract Object key(R row);

    /** The order {@link #rows()} gives. */
    protected abstract Comparator<R> order();

    /** Tells {@code listener} that the rows or {@link #problem()} changed. */
    protected abstract void tell(L listener);

    /** Adds {@code l} and reads the list when it was not read on this connection. */
    public void addListener(L l) {
        listen(l);
        start();
    }

    private void listen(L l) {
        if (!listeners.contains(l)) {
            listeners.add(l);
        }
    }

    /** Removes {@code l} (any object: a view that stops following need not know the type it listened as). */
    public void removeListener(Object l) {
        listeners.remove(l);
    }

    protected List<L> listeners() {
        return listeners;
    }

    public ConnectedServer server() {
        return server;
    }

    /** Null when the rows are shown; else why not (not connected, not allowed, the role missing, still reading). */
    public String problem() {
        return problem;
    }

    /** Every row, in {@link #order()}. */
    public List<R> rows() {
        List<R> out = new ArrayList<>(rows.values());
        out.sort(order());
        return out;
    }

    /** The client on the current connection, made by {@link #connect} once per connection. */
    public C client() {
        return server.client(clientType, this::connect);
    }

    /** Reads the list on the current connection (once per connection); safe to call on every change of the connections. */
    public void start() {
        if (!server.isConnected()) {
            readOn = null;
            settle("Not connected to " + server.label() + ".", List.of());
            return;
        }
        background("Read the " + name + " of " + server.label(), c -> c, c -> {
            if (c != readOn) {
                reload();
            }
        }, this::refused);
    }

    /** Reads the whole list again (F5). */
    public void reload() {
        background("Read the " + name + " of " + server.label(), c -> new Read<>(c, read(c)), read -> {
            readOn = read.client();
            settle(null, read.rows());
        }, this::refused);
    }

    private void refused(String why) {
        settle(server.label() + " shows no " + name + ": " + why, List.of());
    }

    private void settle(String why, List<R> read) {
        problem = why;
        rows.clear();
        read.forEach(r -> rows.put(key(r), r));
        listeners.forEach(this::tell);
    }

    /** A pushed or answered row: replaces the row with its key, or adds it. */
    protected void put(R row) {
        rows.put(key(row), row);
        listeners.forEach(this::tell);
    }

    /** A row the server removed. */
    protected void remove(Object key) {
        rows.remove(key);
        listeners.forEach(this::tell);
    }

    /**
     * Runs {@code work} on the server in a background job; {@code done} gets its result on the UI thread, or
     * {@code failed} the server's sentence.
     */
    public <T> void background(String what, Work<C, T> work, Consumer<T> done, Consumer<String> failed) {
        Job.createSystem(what, monitor -> {
            try {
                T result = work.on(client());
                ui.execute(() -> done.accept(result));
            } catch (SynclineException e) {
                ui.execute(() -> failed.accept(e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }
}
