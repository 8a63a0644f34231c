package org.syncline.ui.internal.servers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.ui.ConnectedServer;

/** A capability's view of one server session: typed clients made once per connection. */
final class SessionHandle implements ConnectedServer {
    private final ServerSession session;
    private final Map<Class<?>, Object> clients = new ConcurrentHashMap<>();
    private Connection madeFor;

    SessionHandle(ServerSession session) {
        this.session = session;
    }

    @Override
    public String label() {
        return session.entry().label();
    }

    @Override
    public String user() {
        return session.entry().user();
    }

    @Override
    public boolean isConnected() {
        return session.connection() != null;
    }

    @Override
    public synchronized <T> T client(Class<T> type, Function<Connection, T> factory) {
        Connection c = session.connection();
        if (c == null) {
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Not connected to " + label() + "; reconnect it in the Servers view.");
        }
        if (c != madeFor) {
            clients.clear();
            madeFor = c;
        }
        return type.cast(clients.computeIfAbsent(type, t -> factory.apply(c)));
    }
}
