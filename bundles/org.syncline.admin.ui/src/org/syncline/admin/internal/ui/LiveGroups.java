package org.syncline.admin.internal.ui;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.syncline.admin.GroupInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.LiveList;

/**
 * The groups of one server as the workbench follows them (admins): read once per connection, then read again on
 * every {@code admin.users} push (it names no details) and on F5. One per server. UI thread only, except the network
 * work inside its background jobs.
 */
final class LiveGroups extends LiveList<AdminClient, GroupInfo, LiveGroups.Listener> {
    /** What views hear; every call comes on the UI thread. */
    interface Listener {
        /** The groups were (re)read or one changed, or {@link LiveGroups#problem()} changed. */
        void groupsChanged();
    }

    private static final Map<String, LiveGroups> ALL = new HashMap<>();

    /** The client whose pushes this list follows, and the handle that stops it. */
    private AdminClient watched;
    private AutoCloseable watching;

    private LiveGroups(ConnectedServer server) {
        super(server, AdminClient.class, "groups");
    }

    /** The groups of the server selected in the Servers view when it is connected, else null; moves {@code listener} over. */
    static LiveGroups follow(LiveGroups current, Listener listener) {
        return LiveList.follow(current, listener, s -> LiveList.kept(ALL, s, LiveGroups::new));
    }

    @Override
    protected AdminClient connect(Connection c) {
        // the Users view and the user editor share this client: it may have been made by them, so the pushes are
        // followed in read(), once per client, not here
        return new AdminClient(c);
    }

    @Override
    protected List<GroupInfo> read(AdminClient client) {
        try {
            // follow the pushes before reading: a change made after the read is pushed, none falls between
            watch(client);
            return client.groups();
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.ACCESS_DENIED) {
                throw e;
            }
            // the server's sentence names the message type; say it as users see it
            throw new SynclineException(ErrorCode.ACCESS_DENIED,
                    "only administrators see its groups; connect as an administrator to manage them.");
        }
    }

    private synchronized void watch(AdminClient client) {
        if (client == watched) {
            return;
        }
        stopWatching();
        watching = client.watchUsers(() -> ui.execute(this::reload));
        watched = client;
    }

    private void stopWatching() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // removing a listener does not fail
            }
        }
        watching = null;
        watched = null;
    }

    @Override
    protected Object key(GroupInfo g) {
        return g.name();
    }

    @Override
    protected Comparator<GroupInfo> order() {
        return Comparator.comparing(GroupInfo::name);
    }

    @Override
    protected void tell(Listener listener) {
        listener.groupsChanged();
    }

    /**
     * A group as the server answered a change (made, joined, left): shown before the push's reread. Any thread: from
     * another it hops to the UI thread.
     */
    void changed(GroupInfo g) {
        onUiThread(() -> {
            if (problem() == null) {
                put(g);
            }
        });
    }

    /** A group the server removed; any thread. */
    void removed(String name) {
        onUiThread(() -> {
            if (problem() == null) {
                remove(name);
            }
        });
    }

    private void onUiThread(Runnable r) {
        if (org.eclipse.swt.widgets.Display.getCurrent() != null) {
            r.run();
        } else {
            ui.execute(r);
        }
    }
}
