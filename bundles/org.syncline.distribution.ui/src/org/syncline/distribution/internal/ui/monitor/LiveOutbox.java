package org.syncline.distribution.internal.ui.monitor;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.syncline.distribution.OutboxEntry;
import org.syncline.distribution.client.OutboxClient;
import org.syncline.protocol.Connection;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.LiveList;

/**
 * The alert outbox of one master as the workbench follows it (admins): every entry, read once per connection
 * and then kept by the master's outbox pushes. One per server. UI thread only, except the network work inside
 * its background jobs.
 */
public final class LiveOutbox extends LiveList<OutboxClient, OutboxEntry, LiveOutbox.Listener> {
    /** What views hear; every call comes on the UI thread. */
    public interface Listener {
        /** The entries were (re)read or one changed, or {@link LiveOutbox#problem()} changed. */
        void outboxChanged();
    }

    private static final Map<String, LiveOutbox> ALL = new HashMap<>();

    private LiveOutbox(ConnectedServer server) {
        super(server, OutboxClient.class, "outbox");
    }

    /** The outbox of the server selected in the Servers view when it is connected, else null; moves {@code listener} over. */
    public static LiveOutbox follow(LiveOutbox current, Listener listener) {
        return LiveList.follow(current, listener, s -> LiveList.kept(ALL, s, LiveOutbox::new));
    }

    /** Every entry the master keeps, newest first. */
    public List<OutboxEntry> entries() {
        return rows();
    }

    @Override
    protected OutboxClient connect(Connection c) {
        OutboxClient client = new OutboxClient(c);
        client.watch(e -> ui.execute(() -> changed(e)));
        return client;
    }

    @Override
    protected List<OutboxEntry> read(OutboxClient client) {
        return client.entries(true);
    }

    @Override
    protected Object key(OutboxEntry e) {
        return e.id();
    }

    @Override
    protected Comparator<OutboxEntry> order() {
        return (a, b) -> Long.compare(b.id(), a.id());
    }

    @Override
    protected void tell(Listener listener) {
        listener.outboxChanged();
    }

    /** A pushed entry, or the answer to Retry now / Discard. */
    void changed(OutboxEntry e) {
        if (problem() != null) {
            return;
        }
        put(e);
    }
}
