package org.syncline.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The servers the Servers view lists, keyed by name, in the order they were added. Connections update it from
 * their own threads; listeners are told after each change and must move to the UI thread themselves.
 */
public final class ServerList {
    private final Map<String, ServerRow> rows = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public synchronized List<ServerRow> rows() {
        return List.copyOf(rows.values());
    }

    /** Adds the row, or replaces the row of the same name in place. */
    public void put(ServerRow row) {
        synchronized (this) {
            rows.put(row.name(), row);
        }
        changed();
    }

    public void remove(String name) {
        boolean removed;
        synchronized (this) {
            removed = rows.remove(name) != null;
        }
        if (removed) {
            changed();
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : new ArrayList<>(listeners)) {
            listener.run();
        }
    }
}
